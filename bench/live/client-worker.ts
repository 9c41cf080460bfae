/**
 * A simulated crowd in its own process: many Socket.IO clients from one local address,
 * driven by the orchestrator (run.ts) over IPC. Separate processes keep the clients' CPU off
 * the server's event loop and let each bind its own 127.0.x.y address (one address pair runs
 * out of ports near 28,000).
 */
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';

type Command =
  | { cmd: 'connect'; url: string; tokens: string[]; localAddress: string; origin: string; eveningId?: string }
  | { cmd: 'closed-loop'; durationMs: number; dilemmaId: string; optionIds: string[]; inFlightPerSocket: number }
  | { cmd: 'open-loop'; ratePerSecond: number; durationMs: number; dilemmaId: string; optionIds: string[] }
  | { cmd: 'disconnect' };

let sockets: Socket[] = [];
const reply = (message: unknown) => process.send?.(message);

function vote(socket: Socket, dilemmaId: string, optionIds: string[]): Promise<{ ok: boolean; code?: string }> {
  return new Promise((resolve) => {
    const optionId = optionIds[Math.floor(Math.random() * optionIds.length)];
    socket
      .timeout(30_000)
      .emit(
        'vote',
        { dilemmaId, clientVoteId: randomUUID(), choice: { optionIds: [optionId] } },
        (err: unknown, ack: { ok: boolean; error?: { code: string } }) => {
          if (err) resolve({ ok: false, code: 'TIMEOUT' });
          else resolve({ ok: ack.ok, code: ack.error?.code });
        },
      );
  });
}

async function connect(command: Extract<Command, { cmd: 'connect' }>): Promise<void> {
  const started = Date.now();
  let failed = 0;
  const batch = 200;
  for (let i = 0; i < command.tokens.length; i += batch) {
    const slice = command.tokens.slice(i, i + batch);
    const opened = await Promise.all(
      slice.map(
        (token) =>
          new Promise<Socket | null>((resolve) => {
            const socket = io(`${command.url}/live`, {
              transports: ['websocket'],
              auth: command.eveningId ? { token, eveningId: command.eveningId } : { token },
              reconnection: false,
              timeout: 60_000,
              localAddress: command.localAddress,
              extraHeaders: { origin: command.origin },
            } as never);
            socket.once('connect', () => resolve(socket));
            socket.once('connect_error', () => {
              failed += 1;
              resolve(null);
            });
          }),
      ),
    );
    sockets.push(...opened.filter((s): s is Socket => s !== null));
  }
  reply({ connected: sockets.length, failed, ms: Date.now() - started });
}

async function closedLoop(command: Extract<Command, { cmd: 'closed-loop' }>): Promise<void> {
  const deadline = Date.now() + command.durationMs;
  let acked = 0;
  const errors: Record<string, number> = {};
  const loop = async (socket: Socket) => {
    while (Date.now() < deadline) {
      const answer = await vote(socket, command.dilemmaId, command.optionIds);
      if (answer.ok) acked += 1;
      else errors[answer.code ?? 'UNKNOWN'] = (errors[answer.code ?? 'UNKNOWN'] ?? 0) + 1;
    }
  };
  const started = Date.now();
  await Promise.all(sockets.flatMap((socket) => Array.from({ length: command.inFlightPerSocket }, () => loop(socket))));
  reply({ acked, errors, ms: Date.now() - started });
}

async function openLoop(command: Extract<Command, { cmd: 'open-loop' }>): Promise<void> {
  const total = Math.floor((command.ratePerSecond * command.durationMs) / 1000);
  const interval = 1000 / command.ratePerSecond;
  const started = Date.now();
  const latencies: number[] = [];
  const ackTimes: number[] = [];
  const errors: Record<string, number> = {};
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - Date.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const socket = sockets[i % sockets.length];
    const sentAt = Date.now();
    pending.push(
      vote(socket, command.dilemmaId, command.optionIds).then((answer) => {
        const now = Date.now();
        if (answer.ok) {
          latencies.push(now - sentAt);
          ackTimes.push(now);
        } else errors[answer.code ?? 'UNKNOWN'] = (errors[answer.code ?? 'UNKNOWN'] ?? 0) + 1;
      }),
    );
  }
  await Promise.all(pending);
  reply({ latencies, ackTimes, errors, sent: total, ms: Date.now() - started });
}

process.on('message', (message: Command) => {
  switch (message.cmd) {
    case 'connect':
      void connect(message);
      break;
    case 'closed-loop':
      void closedLoop(message);
      break;
    case 'open-loop':
      void openLoop(message);
      break;
    case 'disconnect':
      for (const socket of sockets) socket.disconnect();
      sockets = [];
      reply({ disconnected: true });
      break;
  }
});
reply({ ready: true });
