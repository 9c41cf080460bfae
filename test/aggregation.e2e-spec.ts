import { randomUUID } from 'node:crypto';
import { jobIds, type JobName, type JobPayloads } from '@hs/contracts';
import { TokenService, tallyVotes } from '@hs/domain';
import { DilemmaResultEntity, JobQueueRepository, PolicyInputCacheEntity } from '@hs/persistence';
import { aDilemma, aManualCount, anEvening, castVotes, times, type Voter } from './support/aggregation-builders';
import { bootTestApp, staffSession, type StaffSession, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

describe('aggregation: from votes to results (e2e)', () => {
  let t: TestApp;
  let facilitator: StaffSession;
  let analyst: StaffSession;

  /** Puts a job on the queue as the evenings API would, and waits until the worker completed it. */
  async function runJob<N extends JobName>(name: N, payload: JobPayloads[N], jobId: string): Promise<void> {
    const jobs = t.app.get(JobQueueRepository);
    await jobs.enqueue(name, payload, { jobId });
    const queue = jobs.queue(name === 'render-report' ? 'reports' : 'aggregation');
    await waitFor(`job ${jobId}`, async () => (await (await queue.getJob(jobId))?.getState()) === 'completed');
  }

  const storedRows = (dilemmaId: string) =>
    t.dataSource.getRepository(DilemmaResultEntity).find({ where: { dilemmaId }, order: { round: 'ASC' } });

  beforeAll(async () => {
    t = await bootTestApp();
    facilitator = await staffSession(t, 'facilitator');
    analyst = await staffSession(t, 'analyst');
  }, 60_000);
  afterAll(async () => {
    await t.close();
  }, 30_000);

  it('closes a dilemma, runs its job and shows the results with hand counts and suppressed segments', async () => {
    const evening = await anEvening().titled('Avond Leeuwarden').save(t.dataSource);
    const { dilemma, options } = await aDilemma().of(evening).save(t.dataSource);
    const [a, b, c] = options;
    await castVotes(t.dataSource, evening, dilemma, [
      ...times(8, { group: 'tenant' as const, choice: { optionIds: [a.id] } }),
      ...times(4, { group: 'tenant' as const, choice: { optionIds: [b.id] } }),
      ...times(6, { group: 'tenant_org' as const, choice: { optionIds: [b.id] } }),
      ...times(2, { group: 'stakeholder' as const, choice: { optionIds: [a.id] } }),
    ]);
    // One entry per option per round (a correction replaces it): A counted 3, C 1.
    await aManualCount()
      .on(dilemma)
      .counting({ [a.id]: 3, [c.id]: 1 })
      .save(t.dataSource);

    await runJob('aggregate-dilemma', { dilemmaId: dilemma.id }, jobIds.aggregateDilemma(dilemma.id, 1));
    expect(await storedRows(dilemma.id)).toHaveLength(1);

    const response = await t.http.get(`/api/dilemmas/${dilemma.id}/results`).set(facilitator.auth).expect(200);
    const body = response.body;
    // 20 phones + 4 hand-counted people; A = 8 + 2 + 3 = 13, B = 10, C = 1
    expect(body).toMatchObject({
      dilemmaId: dilemma.id,
      round: 1,
      total: 24,
      manual: { total: 4, counts: { [a.id]: 3, [c.id]: 1 } },
    });
    expect(body.options.map((o: { optionId: string; label: string; count: number }) => [o.optionId, o.label, o.count])).toEqual([
      [a.id, 'Isolatie', 13],
      [b.id, 'Nieuwe keukens', 10],
      [c.id, 'Groen in de buurt', 1],
    ]);
    expect(body.options[0].share).toBeCloseTo(13 / 24, 10);
    // Wilson(13, 24): centre (0.541667 + 0.080030)/1.160061 = 0.535918;
    // half = 1.959964·√(0.541667·0.458333/24 + 3.841459/2304)/1.160061 = 1.959964·0.109596/1.160061 = 0.185169
    expect(body.options[0].ci95[0]).toBeCloseTo(0.35075, 4);
    expect(body.options[0].ci95[1]).toBeCloseTo(0.72109, 4);
    // stakeholders (2) are under 5; tenant organisations (6), the next smallest, are hidden with them
    expect(body.segments).toEqual([
      expect.objectContaining({ key: 'tenant', n: 12, suppressed: false }),
      { key: 'tenant_org', n: null, suppressed: true, options: null },
      { key: 'stakeholder', n: null, suppressed: true, options: null },
    ]);
    expect(body.segments[0].options[0]).toMatchObject({ optionId: a.id, count: 8, share: 8 / 12 });
  }, 30_000);

  it('stores the same count once when the job runs twice, equal to the reference count in code', async () => {
    const evening = await anEvening().save(t.dataSource);
    const { dilemma, options } = await aDilemma().of(evening).ofKind('multi', { maxChoices: 2 }).save(t.dataSource);
    const entries: Array<Voter & { choice: { optionIds: string[] } }> = [
      ...times(3, {
        group: 'tenant' as const,
        municipality: 'Heerenveen',
        ageBand: '<30' as const,
        choice: { optionIds: [options[0].id, options[1].id] },
      }),
      ...times(2, { group: null, municipality: null, ageBand: null, choice: { optionIds: [options[2].id] } }),
      ...times(4, { group: 'stakeholder' as const, choice: { optionIds: [options[1].id] } }),
    ];
    await castVotes(t.dataSource, evening, dilemma, entries);
    await runJob('aggregate-dilemma', { dilemmaId: dilemma.id }, jobIds.aggregateDilemma(dilemma.id, 'a'));
    const first = await storedRows(dilemma.id);
    await runJob('aggregate-dilemma', { dilemmaId: dilemma.id }, jobIds.aggregateDilemma(dilemma.id, 'b'));
    const second = await storedRows(dilemma.id);
    expect(second).toHaveLength(1);
    expect(second[0].tally).toEqual(first[0].tally);
    const reference = tallyVotes(
      'multi',
      entries.map((e) => ({
        round: 1,
        group: e.group === undefined ? 'tenant' : e.group,
        municipality: e.municipality === undefined ? 'Leeuwarden' : e.municipality,
        ageBand: e.ageBand === undefined ? '65-79' : e.ageBand,
        choice: e.choice,
        // The evening is in Leeuwarden only: the three who said Heerenveen, and those who said nothing, count there.
        eveningMunicipalities: ['Leeuwarden'],
      })),
    ).get(1)!;
    expect(second[0].tally).toEqual(JSON.parse(JSON.stringify(reference)));
  }, 30_000);

  it('defaults to the latest round, answers an earlier one, and shows segments by municipality and age band', async () => {
    const evening = await anEvening().alsoServing('Heerenveen').save(t.dataSource);
    const { dilemma, options } = await aDilemma().of(evening).inRound(2).save(t.dataSource);
    const voters = await castVotes(t.dataSource, evening, dilemma, [
      ...times(6, { municipality: 'Leeuwarden', choice: { optionIds: [options[0].id] } }),
      ...times(6, { municipality: 'Heerenveen', choice: { optionIds: [options[1].id] } }),
    ]);
    await castVotes(
      t.dataSource,
      evening,
      dilemma,
      voters.map((participantId) => ({ participantId, round: 2, choice: { optionIds: [options[0].id] } })),
    );
    const latest = await t.http.get(`/api/dilemmas/${dilemma.id}/results?by=municipality`).set(analyst.auth).expect(200);
    expect(latest.body).toMatchObject({ round: 2, rounds: [1, 2], total: 12, by: 'municipality' });
    expect(latest.body.options[0].share).toBe(1);
    expect(latest.body.segments.map((s: { key: string; n: number }) => [s.key, s.n])).toEqual([
      ['Heerenveen', 6],
      ['Leeuwarden', 6],
    ]);
    const first = await t.http.get(`/api/dilemmas/${dilemma.id}/results?round=1&by=ageBand`).set(facilitator.auth).expect(200);
    expect(first.body.round).toBe(1);
    expect(first.body.options[0].share).toBe(0.5);
    expect(first.body.segments).toEqual([expect.objectContaining({ key: '65-79', n: 12, suppressed: false })]);
  }, 30_000);

  it('summarises scale and budget dilemmas', async () => {
    const evening = await anEvening().save(t.dataSource);
    const scale = await aDilemma().of(evening).ofKind('scale').save(t.dataSource);
    await castVotes(
      t.dataSource,
      evening,
      scale.dilemma,
      [1, 2, 2, 4, 5, 5, 5].map((value) => ({ choice: { value } })),
    );
    await aManualCount().on(scale.dilemma).counting({ '3': 1 }).save(t.dataSource);
    const s = await t.http.get(`/api/dilemmas/${scale.dilemma.id}/results`).set(facilitator.auth).expect(200);
    expect(s.body.total).toBe(8);
    expect(s.body.scale).toMatchObject({ distribution: { '1': 1, '2': 2, '3': 1, '4': 1, '5': 3 }, mean: 3.375 });
    expect(s.body.options.map((o: { optionId: string }) => o.optionId)).toEqual(['1', '2', '3', '4', '5']);

    const budget = await aDilemma().of(evening).ofKind('budget', { budget: 10 }).save(t.dataSource);
    const [a, b] = budget.options;
    await castVotes(t.dataSource, evening, budget.dilemma, [
      { choice: { allocation: { [a.id]: 10 } } },
      { choice: { allocation: { [a.id]: 4, [b.id]: 6 } } },
      ...times(2, { choice: { allocation: { [a.id]: 10 } } }),
      { choice: { allocation: { [a.id]: 6, [b.id]: 4 } } },
    ]);
    const r = await t.http.get(`/api/dilemmas/${budget.dilemma.id}/results`).set(facilitator.auth).expect(200);
    // a: 10 + 4 + 10 + 10 + 6 = 40 of 50 points, given by all 5 (8 points each on average); b: 10 points from 2 of 5
    expect(r.body.options[0]).toMatchObject({ count: 40, share: 0.8, givers: 5, giversShare: 1, meanPoints: 8 });
    expect(r.body.options[1]).toMatchObject({ count: 10, share: 0.2, givers: 2, giversShare: 0.4 });
  }, 30_000);

  it('aggregates an ended evening: every dilemma counted and the evening policy input stored', async () => {
    const evening = await anEvening().titled('Avond Drachten').in('Smallingerland').save(t.dataSource);
    const one = await aDilemma().of(evening).about('betaalbaarheid').asking('Huur of duurzaamheid?').save(t.dataSource);
    const two = await aDilemma()
      .of(evening)
      .about('leefbaarheid')
      .asking('Meer groen of meer parkeerplaatsen?')
      .save(t.dataSource);
    await castVotes(t.dataSource, evening, one.dilemma, times(5, { choice: { optionIds: [one.options[0].id] } }));
    await castVotes(t.dataSource, evening, two.dilemma, times(7, { choice: { optionIds: [two.options[1].id] } }));
    await runJob('aggregate-evening', { eveningId: evening.id }, jobIds.aggregateEvening(evening.id));
    expect(await storedRows(one.dilemma.id)).toHaveLength(1);
    expect(await storedRows(two.dilemma.id)).toHaveLength(1);
    const cached = await t.dataSource
      .getRepository(PolicyInputCacheEntity)
      .findOneByOrFail({ scopeKey: `evening:${evening.id}` });
    const themes = (cached.result as { themes: Array<{ theme: string; dilemmas: Array<{ question: string; total: number }> }> })
      .themes;
    expect(themes.map((th) => [th.theme, th.dilemmas.map((d) => [d.question, d.total])])).toEqual([
      ['leefbaarheid', [['Meer groen of meer parkeerplaatsen?', 7]]],
      ['betaalbaarheid', [['Huur of duurzaamheid?', 5]]],
    ]);
    // ...and the full policy input is recomputed and stored after it.
    const recompute = await t.app.get(JobQueueRepository).queue('aggregation').getJob(jobIds.recomputePolicyInput(evening.id));
    await waitFor('the full recompute', async () => (await recompute!.getState()) === 'completed');
    const full = await t.dataSource.getRepository(PolicyInputCacheEntity).findOneByOrFail({ scopeKey: 'all' });
    expect(JSON.stringify(full.result)).toContain('Meer groen of meer parkeerplaatsen?');
  }, 30_000);

  it('refuses bad input: unknown and malformed ids, bad rounds and dimensions, unknown parameters, no staff token', async () => {
    const evening = await anEvening().save(t.dataSource);
    const { dilemma } = await aDilemma().of(evening).save(t.dataSource);
    const url = `/api/dilemmas/${dilemma.id}/results`;
    await t.http.get(`/api/dilemmas/${randomUUID()}/results`).set(facilitator.auth).expect(404);
    await t.http.get('/api/dilemmas/not-a-uuid/results').set(facilitator.auth).expect(400);
    for (const query of ['round=0', 'round=abc', 'round=1.5', 'round=-1', 'by=postcode', 'by=', 'extra=1', 'round=1&round=2']) {
      const res = await t.http.get(`${url}?${query}`).set(facilitator.auth);
      expect([query, res.status]).toEqual([query, 400]);
    }
    await t.http.get(`${url}?round=9`).set(facilitator.auth).expect(404);
    await t.http.get(url).expect(401);
    const tenantToken = t.app.get(TokenService).signParticipant(randomUUID(), evening.id);
    await t.http.get(url).set('Authorization', `Bearer ${tenantToken}`).expect(401);
  }, 30_000);
});
