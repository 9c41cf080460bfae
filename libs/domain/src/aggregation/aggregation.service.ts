import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import {
  type DilemmaResults,
  DomainError,
  jobIds,
  type PolicyInput,
  type ReportScope,
  type SegmentDimension,
} from '@hs/contracts';
import {
  AggregationRepository,
  type DilemmaFilter,
  type DilemmaSourceRow,
  JobQueueRepository,
  WeightRepository,
} from '@hs/persistence';
import { EVERYTHING, narrowMunicipalities, type StaffScope } from '../scope/staff-scope';
import { buildPolicyInput, type DilemmaSource } from '../statistics/policy-builder';
import { summarizeOptions, summarizeSegments } from '../statistics/round-summary';
import { type RoundTally, tallyFromRows } from '../statistics/tally';

type Tallies = Map<string, Map<number, RoundTally>>;

/** Counts over this many dilemmas are split over COUNT_PARALLELISM connections (docs/PERFORMANCE.md). */
const PARALLEL_FROM = 40;
const COUNT_PARALLELISM = 2;

/**
 * From votes to stored counts (the jobs) and from stored counts to results and policy input (the
 * endpoints and reports). Counting happens in SQL; the statistics are pure functions over the counts.
 */
@Injectable()
export class AggregationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: AggregationRepository,
    private readonly weights: WeightRepository,
    private readonly jobs: JobQueueRepository,
  ) {}

  /** Counts these dilemmas' votes afresh (one grouped query) and stores the counts; returns them. */
  async recount(dilemmaIds: string[]): Promise<Tallies> {
    // A large scope is counted in parts on parallel connections, so PostgreSQL uses more than one core;
    // tallies of disjoint dilemmas simply sit side by side.
    const parts = dilemmaIds.length >= PARALLEL_FROM ? COUNT_PARALLELISM : 1;
    const chunks = Array.from({ length: parts }, (_, i) => dilemmaIds.filter((_, j) => j % parts === i));
    const [counts, manual] = await Promise.all([
      Promise.all(chunks.map((ids) => this.repo.countVotes(ids))),
      this.repo.manualCounts(dilemmaIds),
    ]);
    const rows = counts.flatMap((c) => c.rows);
    const at = new Date(Math.min(...counts.map((c) => new Date(c.at).getTime())));
    const tallies = tallyFromRows(rows, manual);
    const stored: Array<{ dilemmaId: string; round: number; tally: unknown }> = [];
    for (const [dilemmaId, rounds] of tallies) for (const [round, tally] of rounds) stored.push({ dilemmaId, round, tally });
    await this.repo.replaceTallies(dilemmaIds, stored, at);
    return tallies;
  }

  /** Job 'aggregate-dilemma': the closed dilemma's counts, all rounds (its incremental update). */
  async aggregateDilemma(dilemmaId: string): Promise<{ rounds: number }> {
    const [exists, tallies] = await Promise.all([this.repo.dilemmaExists(dilemmaId), this.recount([dilemmaId])]);
    if (!exists) throw new DomainError('DILEMMA_NOT_FOUND', 'Dit dilemma bestaat niet.');
    return { rounds: tallies.get(dilemmaId)?.size ?? 0 };
  }

  /** Job 'aggregate-evening': every dilemma of the evening counted, and the evening's policy input stored. */
  async aggregateEvening(eveningId: string): Promise<{ dilemmas: number }> {
    if (!(await this.repo.eveningExists(eveningId))) throw new DomainError('EVENING_NOT_FOUND', 'Deze avond bestaat niet.');
    const sources = await this.repo.dilemmaSources({ eveningIds: [eveningId], heldOnly: true });
    const tallies = await this.recount(sources.map((s) => s.id));
    const input = await this.build({ eveningIds: [eveningId] }, sources, tallies);
    await this.repo.upsertPolicyInput(`evening:${eveningId}`, input, new Date());
    // The evening changes the whole picture: refresh the stored full policy input too (once per evening).
    await this.jobs.enqueue(
      'recompute-policy-input',
      { requestedAt: new Date().toISOString() },
      { jobId: jobIds.recomputePolicyInput(eveningId) },
    );
    return { dilemmas: sources.length };
  }

  /** Job 'recompute-policy-input': everything counted afresh and the full policy input stored. */
  async recomputeAll(): Promise<{ dilemmas: number }> {
    const sources = await this.repo.dilemmaSources({ heldOnly: true });
    const tallies = await this.recount(sources.map((s) => s.id));
    await this.repo.upsertPolicyInput('all', await this.build({}, sources, tallies), new Date());
    return { dilemmas: sources.length };
  }

  storedPolicyInput(scopeKey: string) {
    return this.repo.policyInput(scopeKey);
  }

  /**
   * The counts of these dilemmas: the stored ones where they are still current, a fresh (not stored)
   * count where not: the dilemma is open, changed after the count, got hand counts since, or was never counted.
   */
  async currentTallies(sources: DilemmaSourceRow[]): Promise<Tallies> {
    const stored = await this.repo.storedTallies(sources.map((s) => s.id));
    const tallies: Tallies = new Map();
    const countedAt = new Map<string, number>();
    for (const row of stored) {
      let rounds = tallies.get(row.dilemmaId);
      if (!rounds) tallies.set(row.dilemmaId, (rounds = new Map()));
      rounds.set(row.round, row.tally as RoundTally);
      const at = new Date(row.computedAt).getTime();
      countedAt.set(row.dilemmaId, Math.min(countedAt.get(row.dilemmaId) ?? Infinity, at));
    }
    const stale = sources
      .filter((s) => {
        const at = countedAt.get(s.id);
        if (at === undefined || s.status === 'open') return true;
        return new Date(s.updatedAt).getTime() > at || (s.manualAt !== null && new Date(s.manualAt).getTime() > at);
      })
      .map((s) => s.id);
    if (stale.length > 0) {
      const [{ rows }, manual] = await Promise.all([this.repo.countVotes(stale), this.repo.manualCounts(stale)]);
      const fresh = tallyFromRows(rows, manual);
      for (const id of stale) {
        const rounds = fresh.get(id);
        if (rounds) tallies.set(id, rounds);
        else tallies.delete(id);
      }
    }
    return tallies;
  }

  /** GET /api/dilemmas/:id/results. */
  async dilemmaResults(dilemmaId: string, round: number | undefined, by: SegmentDimension): Promise<DilemmaResults> {
    const [source] = await this.repo.dilemmaSources({ dilemmaIds: [dilemmaId] });
    if (!source) throw new DomainError('DILEMMA_NOT_FOUND', 'Dit dilemma bestaat niet.');
    const wanted = round ?? source.round;
    if (wanted > source.round)
      throw new DomainError('NOT_FOUND', `Ronde ${wanted} bestaat (nog) niet; dit dilemma is in ronde ${source.round}.`);
    const tallies = (await this.currentTallies([source])).get(dilemmaId) ?? new Map<number, RoundTally>();
    const tally = tallies.get(wanted) ?? emptyTally(wanted);
    const shape = {
      kind: source.kind,
      budget: source.budget,
      options: source.options.map((o) => ({ key: o.id, label: o.label, consequence: o.consequence })),
    };
    const summary = summarizeOptions(shape, tally);
    const manualCounts: Record<string, number> = {};
    for (const o of summary.options) if (o.manual > 0) manualCounts[o.optionId] = o.manual;
    return {
      dilemmaId,
      round: wanted,
      rounds: Array.from({ length: source.round }, (_, i) => i + 1),
      kind: source.kind,
      total: summary.total,
      options: summary.options,
      manual: { total: summary.manualTotal, counts: manualCounts },
      by,
      segments: summarizeSegments(shape, tally.segments[by], by, this.config.suppressBelow),
      consensus: summary.consensus,
      ...(summary.scale ? { scale: summary.scale } : {}),
      suppressBelow: this.config.suppressBelow,
    };
  }

  /** GET /api/policy-input: one theme and/or one municipality, or everything the caller may read. */
  scopedPolicyInput(theme?: string, municipality?: string, staff: StaffScope = EVERYTHING): Promise<PolicyInput> {
    const municipalities = narrowMunicipalities(staff, municipality ? [municipality] : undefined);
    return this.policyInput({
      ...(theme ? { themes: [theme] } : {}),
      ...(municipalities ? { municipalities } : {}),
    });
  }

  /** Unknown theme slugs are a mistake in the request (400); a scope that matches nothing is not. */
  async checkScope(scope: ReportScope): Promise<void> {
    if (!scope.themes?.length) return;
    const known = new Set((await this.repo.themes()).map((t) => t.slug));
    const unknown = scope.themes.filter((t) => !known.has(t));
    if (unknown.length) throw new DomainError('INVALID_SCOPE', `Onbekend thema: ${unknown.slice(0, 5).join(', ')}.`);
  }

  /** GET /api/policy-input and reports: the policy input of a scope, from current counts. */
  async policyInput(scope: ReportScope): Promise<PolicyInput> {
    await this.checkScope(scope);
    const sources = await this.repo.dilemmaSources(filterOf(scope));
    return this.build(scope, sources, await this.currentTallies(sources));
  }

  private async build(scope: ReportScope, sources: DilemmaSourceRow[], tallies: Tallies): Promise<PolicyInput> {
    const [themes, weights] = await Promise.all([this.repo.themes(), this.weights.all()]);
    return buildPolicyInput({
      scope: { eveningIds: scope.eveningIds ?? null, themes: scope.themes ?? null, municipalities: scope.municipalities ?? null },
      suppressBelow: this.config.suppressBelow,
      themeNames: Object.fromEntries(themes.map((t) => [t.slug, t.name])),
      themeOrder: themes.map((t) => t.slug),
      sources: sources.map((s): DilemmaSource => ({ ...s, tallies: tallies.get(s.id) ?? new Map() })),
      weights,
    });
  }
}

function filterOf(scope: ReportScope): DilemmaFilter {
  return { eveningIds: scope.eveningIds, themes: scope.themes, municipalities: scope.municipalities, heldOnly: true };
}

function emptyTally(round: number): RoundTally {
  return { round, votes: { n: 0, options: {} }, segments: { group: {}, municipality: {}, ageBand: {} }, manual: {} };
}
