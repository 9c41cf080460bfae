/**
 * The baseline: a bare Socket.IO server on the same namespace that acknowledges every vote at
 * once without validating or storing it, and sends nothing else.
 */
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Server } from 'socket.io';

const port = Number(process.argv[2] ?? 3901);
const http = createServer();
const io = new Server(http, { transports: ['websocket'], maxHttpBufferSize: 16 * 1024, serveClient: false });
io.of('/live').on('connection', (socket) => {
  socket.on('vote', (_payload: unknown, ack: unknown) => {
    if (typeof ack === 'function') ack({ ok: true, voteId: randomUUID(), status: 'new' });
  });
});
http.listen(port, '0.0.0.0', () => process.send?.({ ready: true, port }));
