/**
 * Plays the demo evenings through the public interface, as a facilitator and a room of phones would:
 * HTTP for the facilitator (start, open, close, reveal, revote, hand counts, end) and for joining, and
 * Socket.IO `/live` for every vote. What each phone sends is decided up front by demo-phones.ts.
 */
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { VoteAck } from '@hs/contracts';
import { DEMO_AGENDA, DEMO_EVENINGS } from './demo-data';
import { type Choice, type EveningPlan, expectedTally, type SimEvening, simulateEvening } from './demo-phones';
import { demoId } from './demo-seeder';

export interface RoundTarget {
  /** The server's base URL, e.g. http://127.0.0.1:3000. */
  url: string;
  /** An origin the server allows for Socket.IO handshakes (ALLOWED_ORIGINS). */
  origin: string;
  /** A facilitator (or admin) account to run the evenings with. */
  facilitator: { email: string; password: string };
  log?: (line: string) => void;
}

export interface EveningOutcome {
  key: string;
  municipality: string;
  phones: number;
  byHand: number;
  votes: number;
  revotes: number;
}

class DemoRoundError extends Error {}

/** The HTTP API as one signed-in account: `account` (default: the target's facilitator) after signIn(). */
export function client(target: RoundTarget, account: { email: string; password: string } = target.facilitator) {
  let token = '';
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${target.url}${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new DemoRoundError(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : null) as T;
  };
  return {
    call,
    async signIn(): Promise<void> {
      const session = await call<{ accessToken: string }>('POST', '/api/auth/login', account).catch((error: unknown) => {
        throw new DemoRoundError(
          `the demo account ${account.email} cannot sign in (was its password changed?): ${String(error)}`,
        );
      });
      token = session.accessToken;
    },
  };
}
export type Client = ReturnType<typeof client>;

function connectOnce(target: RoundTarget, participantToken: string): Promise<Socket> {
  const socket = io(`${target.url}/live`, {
    auth: { token: participantToken },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 20_000,
    extraHeaders: { origin: target.origin },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(new DemoRoundError(`a phone could not connect: ${error.message}`));
    });
  });
}

/** A phone on a busy machine may time out once; it tries again, as a phone on a venue's wifi would. */
async function connectPhone(target: RoundTarget, participantToken: string): Promise<Socket> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await connectOnce(target, participantToken);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

async function sendVote(phone: Socket, dilemmaId: string, choice: Choice): Promise<void> {
  const ack = (await phone.timeout(15_000).emitWithAck('vote', { dilemmaId, clientVoteId: randomUUID(), choice })) as VoteAck;
  if (!ack.ok) throw new DemoRoundError(`a vote was refused: ${ack.error.code} ${ack.error.message}`);
}

/** Runs one evening from published to ended; returns what happened. */
async function playEvening(target: RoundTarget, api: Client, plan: EveningPlan): Promise<EveningOutcome> {
  const demo = DEMO_EVENINGS.find((e) => e.key === plan.key)!;
  const eveningId = demoId('evening', plan.key);
  const optionIds: Record<string, string[]> = {};
  const dilemmas = await api.call<Array<{ id: string; options: Array<{ id: string }> }>>(
    'GET',
    `/api/evenings/${eveningId}/dilemmas`,
  );
  for (const agenda of DEMO_AGENDA) {
    const found = dilemmas.find((d) => d.id === demoId('dilemma', plan.key, agenda.key));
    if (!found) throw new DemoRoundError(`${demo.title}: its agenda was changed (no "${agenda.question}")`);
    optionIds[agenda.key] = found.options.map((o) => o.id);
  }
  const sim: SimEvening = simulateEvening(plan, optionIds);
  const { joinCode } = await api.call<{ joinCode: string }>('POST', `/api/evenings/${eveningId}/start`);
  const phones: Socket[] = new Array(sim.people.length);
  const join = async (index: number) => {
    const person = sim.people[index];
    const body = {
      joinCode,
      ...(person.group ? { group: person.group } : {}),
      ...(person.ageBand ? { ageBand: person.ageBand } : {}),
    };
    const joined = await api.call<{ participantToken: string }>('POST', '/api/join', body);
    phones[index] = await connectPhone(target, joined.participantToken);
  };
  let votes = 0;
  try {
    await inBatches(
      Array.from({ length: plan.phones }, (_, i) => i),
      10,
      join,
    );
    for (const [position, dilemma] of sim.dilemmas.entries()) {
      const dilemmaId = demoId('dilemma', plan.key, dilemma.key);
      for (const round of dilemma.rounds) {
        await api.call('POST', `/api/dilemmas/${dilemmaId}/${round.round === 1 ? 'open' : 'revote'}`);
        await inBatches(round.votes, 200, async (vote) => {
          for (const choice of vote.choices) await sendVote(phones[vote.person], dilemmaId, choice);
        });
        votes += round.votes.length;
        await api.call('POST', `/api/dilemmas/${dilemmaId}/close`);
        if (round.manual) {
          await api.call('POST', `/api/dilemmas/${dilemmaId}/manual-counts`, {
            round: round.round,
            counts: round.manual.counts,
            ...(dilemma.kind === 'multi' ? { respondents: round.manual.respondents } : {}),
            note: 'Handopsteken',
          });
        }
        await api.call('POST', `/api/dilemmas/${dilemmaId}/reveal`);
        if (position === 0 && round.round === 1) {
          await inBatches(
            Array.from({ length: plan.latecomers }, (_, i) => plan.phones + i),
            10,
            join,
          );
        }
      }
    }
    await api.call('POST', `/api/evenings/${eveningId}/end`);
  } finally {
    for (const phone of phones) phone?.close();
  }
  const outcome = {
    key: plan.key,
    municipality: demo.municipality,
    phones: sim.people.length,
    byHand: plan.byHand,
    votes,
    revotes: plan.revote.length,
  };
  await waitForResults(api, sim);
  return outcome;
}

/** The worker aggregates after each close; wait until every round's stored result is what the room sent. */
async function waitForResults(api: Client, sim: SimEvening, ms = 120_000): Promise<void> {
  const until = Date.now() + ms;
  for (const dilemma of sim.dilemmas) {
    const dilemmaId = demoId('dilemma', sim.plan.key, dilemma.key);
    for (const round of dilemma.rounds) {
      const expected = expectedTally(round).total;
      for (;;) {
        const result = await api.call<{ total: number | null; suppressed?: boolean }>(
          'GET',
          `/api/dilemmas/${dilemmaId}/results?round=${round.round}`,
        );
        if (result.total === expected) break;
        // A room under SUPPRESS_BELOW shows no figures at all, so its count cannot be checked here.
        if (result.total === null && result.suppressed) break;
        if (Date.now() > until)
          throw new DemoRoundError(
            `${sim.plan.key}/${dilemma.key} round ${round.round}: ${result.total} counted, ${expected} sent`,
          );
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }
}

/**
 * Plays the given evenings (those still published), `parallel` at a time: what each room sends is fixed up
 * front, so playing them side by side changes no figure, only the time it takes and the load meanwhile.
 */
export async function playDemoRound(target: RoundTarget, plans: EveningPlan[], parallel = 2): Promise<EveningOutcome[]> {
  const api = client(target);
  await api.signIn();
  const outcomes = new Map<string, EveningOutcome>();
  await inBatches(plans, parallel, async (plan) => {
    const outcome = await playEvening(target, api, plan);
    target.log?.(
      `  ${outcome.municipality.padEnd(18)} ${String(outcome.phones).padStart(3)} phones, ${outcome.byHand} by hand, ` +
        `${outcome.votes} votes, ${outcome.revotes} revote${outcome.revotes === 1 ? '' : 's'}`,
    );
    outcomes.set(plan.key, outcome);
  });
  return plans.map((plan) => outcomes.get(plan.key)!);
}

export { DemoRoundError };
