import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import type { VoteAck, VoteChoice } from '@hs/contracts';
import type { Histogram } from 'prom-client';
import { MetricsRegistry, type VoteWrite, type VoteWriteOutcome, VoteWriteRepository } from '@hs/persistence';
import type { ParticipantPrincipal } from '../auth/token.service';
import { GroupCommit } from './group-commit';
import { LiveStateService } from './live-state.service';
import { TallyService } from './tally.service';
import { planVoteBatch } from './vote-batch';
import { checkChoice } from './vote-rules';

const RATE_WINDOW_MS = 10_000;

export interface VoteRequest {
  dilemmaId: string;
  clientVoteId: string;
  /** Well-formed (the socket's DTO checked its shape); whether it fits the dilemma is checked here. */
  choice: VoteChoice;
}

const refuse = (code: Extract<VoteAck, { ok: false }>['error']['code'], message: string): VoteAck => ({
  ok: false,
  error: { code, message },
});

/**
 * Votes: checked against the dilemma, rate limited per participant (never per IP: a venue's NAT is
 * one IP for hundreds of tenants), written by a group commit, acknowledged only after COMMIT.
 */
@Injectable()
export class VoteService implements OnModuleDestroy {
  private readonly logger = new Logger('Votes');
  private readonly batcher: GroupCommit<VoteWrite, VoteWriteOutcome>;
  /** Per-process fixed windows; a participant normally talks to one gateway process. */
  private readonly windows = new Map<string, { window: number; count: number }>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly batchSize: Histogram;
  private readonly batchSeconds: Histogram;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly writer: VoteWriteRepository,
    private readonly live: LiveStateService,
    private readonly tallies: TallyService,
    metrics: MetricsRegistry,
  ) {
    this.batchSize = metrics.histogram({
      name: 'huurdersstem_vote_batch_size',
      help: 'Votes written per group-commit transaction',
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
    });
    this.batchSeconds = metrics.histogram({
      name: 'huurdersstem_vote_batch_seconds',
      help: 'Duration of one group-commit transaction, retries included',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    });
    this.batcher = new GroupCommit((items) => this.write(items), config.voteBatchMax, config.voteBatchWaitMs);
    this.sweeper = setInterval(() => {
      const now = Math.floor(Date.now() / RATE_WINDOW_MS);
      for (const [id, w] of this.windows) if (w.window < now) this.windows.delete(id);
    }, RATE_WINDOW_MS);
    this.sweeper.unref();
  }

  /** Resolves with the ack; rejects only when the database is unreachable (the vote was not stored). */
  async submit(voter: ParticipantPrincipal, request: VoteRequest): Promise<VoteAck> {
    if (!this.allow(voter.participantId)) {
      return refuse('RATE_LIMITED', 'U stemt te vaak achter elkaar; wacht even en probeer het opnieuw.');
    }
    const dilemma = await this.live.dilemma(request.dilemmaId);
    if (!dilemma) return refuse('NOT_OPEN', 'Over dit dilemma kan nu niet gestemd worden.');
    if (dilemma.def.eveningId !== voter.eveningId) return refuse('WRONG_EVENING', 'Dit dilemma hoort bij een andere avond.');
    const check = checkChoice(dilemma.def, request.choice);
    if (!check.ok) return refuse(check.code, check.message);

    const outcome = await this.batcher.add({
      participantId: voter.participantId,
      eveningId: voter.eveningId,
      dilemmaId: request.dilemmaId,
      clientVoteId: request.clientVoteId.toLowerCase(),
      choice: check.choice,
    });
    switch (outcome.kind) {
      case 'stored':
        return { ok: true, voteId: outcome.voteId, status: outcome.status };
      case 'not-open':
        return refuse('NOT_OPEN', 'De stemming over dit dilemma is gesloten of nog niet open.');
      case 'wrong-evening':
        return refuse('WRONG_EVENING', 'Dit dilemma hoort bij een andere avond.');
      case 'rejected':
        return outcome.reason === 'unknown-participant'
          ? refuse('UNAUTHORIZED', 'Uw deelname is niet (meer) bekend; meld u opnieuw aan.')
          : refuse('BAD_PAYLOAD', 'Deze stem kon niet worden opgeslagen.');
    }
  }

  private allow(participantId: string): boolean {
    const window = Math.floor(Date.now() / RATE_WINDOW_MS);
    const entry = this.windows.get(participantId);
    if (!entry || entry.window !== window) {
      this.windows.set(participantId, { window, count: 1 });
      return true;
    }
    entry.count += 1;
    return entry.count <= this.config.voteRateLimit;
  }

  /** One transaction per batch (the writer retries deadlocks and isolates a row the database refuses). */
  private async write(items: VoteWrite[]): Promise<VoteWriteOutcome[]> {
    this.batchSize.observe(items.length);
    const stop = this.batchSeconds.startTimer();
    try {
      const result = await this.writer.writeBatch(items, planVoteBatch);
      void this.tallies
        .applyChanges(result.changes)
        .catch((e: unknown) => this.logger.warn(`tally update: ${(e as Error).message}`));
      return result.outcomes;
    } finally {
      stop();
    }
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }
}
