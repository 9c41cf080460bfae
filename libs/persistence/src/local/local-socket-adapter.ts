import { Injectable } from '@nestjs/common';

/**
 * BACKPLANE=local: one process serves every socket, so Socket.IO's own in-memory adapter is the right one
 * (it also keeps the sessions for connection state recovery). No adapter factory means exactly that.
 */
@Injectable()
export class LocalSocketAdapter {
  createAdapter(): undefined {
    return undefined;
  }
}
