import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import {
  type DilemmaResults,
  DomainError,
  GROUPS,
  jobIds,
  type PolicyInput,
  type PolicyScope,
  type SegmentDimension,
} from '@hs/contracts';
import { AggregationRepository, type DilemmaFilter, type DilemmaSourceRow, WeightRepository } from '@hs/persistence';
import { JOB_QUEUE, type JobQueue } from '../ports/job-queue.port';
import type { PairRow } from '../statistics/paired-shift';
import {
  allowsAll,
  eveningMunicipalities,
  EVERYTHING,
  isRestricted,
  narrowMunicipalities,
  outOfScope,
  type StaffScope,
} from '../scope/staff-scope';
import { buildPolicyInput, type DilemmaSource } from '../statistics/policy-builder';
import { buildResults } from '../statistics/results-builder';
import { emptyRound, type RoundTally, tallyFromRows } from '../statistics/tally';
import { looksLikeUuid } from '../evenings/uuid';
import { resolveScope } from './policy-scope';

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
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
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
        // Counted before municipality × age band was: count again (the weighting by age band needs it).
        if ([...(tallies.get(s.id)?.values() ?? [])].some((t) => t.crosses === undefined)) return true;
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
    return buildResults({
      dilemmaId,
      kind: source.kind,
      shape: {
        kind: source.kind,
        budget: source.budget,
        options: source.options.map((o) => ({ key: o.id, label: o.label, consequence: o.consequence })),
      },
      round: wanted,
      latest: source.round,
      tally: tallies.get(wanted) ?? emptyRound(wanted),
      by,
      suppressBelow: this.config.suppressBelow,
    });
  }

  /** GET /api/policy-input: the requested scope, narrowed to what the caller may read (another municipality: 403). */
  async scopedPolicyInput(requested: PolicyScope, staff: StaffScope = EVERYTHING): Promise<PolicyInput> {
    const municipalities = narrowMunicipalities(staff, requested.municipalities);
    // Naming another municipality's evening is asking for its figures: refused, as naming the municipality is.
    if (isRestricted(staff) && requested.eveningIds?.length) {
      const places = await this.repo.eveningPlaces(requested.eveningIds.filter(looksLikeUuid));
      if (places.some((evening) => !allowsAll(staff, eveningMunicipalities(evening)))) throw outOfScope();
    }
    return this.policyInput({
      ...requested,
      ...(municipalities ? { municipalities } : {}),
    });
  }

  /** Unknown theme slugs and evening ids are a mistake in the request (400); a scope that matches nothing is not. */
  async checkScope(scope: PolicyScope): Promise<void> {
    if (scope.themes?.length) {
      const known = new Set((await this.repo.themes()).map((t) => t.slug));
      const unknown = scope.themes.filter((t) => !known.has(t));
      if (unknown.length) throw new DomainError('INVALID_SCOPE', `Onbekend thema: ${unknown.slice(0, 5).join(', ')}.`);
    }
    if (scope.eveningIds?.length) {
      const wanted = [...new Set(scope.eveningIds.map((id) => id.toLowerCase()))];
      const known = new Set(await this.repo.existingEvenings(wanted));
      const unknown = wanted.filter((id) => !known.has(id));
      if (unknown.length) throw new DomainError('INVALID_SCOPE', `Onbekende avond: ${unknown.slice(0, 5).join(', ')}.`);
    }
    const badGroup = scope.groups?.find((g) => !(GROUPS as readonly string[]).includes(g));
    if (badGroup !== undefined) throw new DomainError('INVALID_SCOPE', `Onbekende groep: ${String(badGroup).slice(0, 40)}.`);
  }

  /** GET /api/policy-input and reports: the policy input of a scope, from current counts. */
  async policyInput(scope: PolicyScope): Promise<PolicyInput> {
    await this.checkScope(scope);
    const sources = await this.repo.dilemmaSources(filterOf(scope));
    // Groups select people, not dilemmas: their votes are counted afresh; hand counts have no group and stay out.
    const tallies = scope.groups
      ? tallyFromRows(
          (
            await this.repo.countVotes(
              sources.map((s) => s.id),
              scope.groups,
            )
          ).rows,
          [],
        )
      : await this.currentTallies(sources);
    return this.build(scope, sources, tallies);
  }

  private async build(scope: PolicyScope, sources: DilemmaSourceRow[], tallies: Tallies): Promise<PolicyInput> {
    const revoted = sources
      .map((s) => ({ dilemmaId: s.id, rounds: [...(tallies.get(s.id)?.keys() ?? [])].sort((a, b) => a - b) }))
      .filter((r) => r.rounds.length >= 2)
      .map((r) => ({ dilemmaId: r.dilemmaId, first: r.rounds[0], last: r.rounds.at(-1)! }));
    const [themes, households, ageBands, pairRows] = await Promise.all([
      this.repo.themes(),
      this.weights.all(),
      this.weights.ageBands(),
      this.repo.countPairs(revoted, scope.groups),
    ]);
    const pairs = new Map<string, PairRow[]>();
    for (const row of pairRows) pairs.set(row.dilemmaId, [...(pairs.get(row.dilemmaId) ?? []), row]);
    return buildPolicyInput({
      scope: resolveScope(scope),
      suppressBelow: this.config.suppressBelow,
      themeNames: Object.fromEntries(themes.map((t) => [t.slug, t.name])),
      themeOrder: themes.map((t) => t.slug),
      sources: sources.map((s): DilemmaSource => ({
        ...s,
        tallies: tallies.get(s.id) ?? new Map(),
        pairs: pairs.get(s.id) ?? [],
      })),
      weights: { households, ageBands },
    });
  }
}

function filterOf(scope: PolicyScope): DilemmaFilter {
  return { eveningIds: scope.eveningIds, themes: scope.themes, municipalities: scope.municipalities, heldOnly: true };
}
