import { randomUUID } from 'node:crypto';
import { aDilemma, aManualCount, anEvening, castVotes, times } from './support/aggregation-builders';
import { pdfPages } from './support/pdf-text';
import { xlsxRows } from './support/readable-text';
import { asBytes, bootTestApp, staffSession, type StaffSession, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * Suppression in every API output, the paired shift and the scope, over HTTP against the real database.
 * Other test files share the database: each test finds its own dilemmas by question and scopes by its evenings.
 */
describe('policy input: suppression, paired shift and scope (e2e)', () => {
  let t: TestApp;
  let analyst: StaffSession;

  beforeAll(async () => {
    t = await bootTestApp();
    analyst = await staffSession(t, 'analyst');
  }, 60_000);
  afterAll(async () => {
    await t.close();
  }, 30_000);

  /** Three evenings with the same dilemma: 20 and 12 people, and a small one of 3. */
  async function threeEvenings(question: string) {
    const places = [
      ['Dantumadiel', 20],
      ['Noardeast-Fryslân', 12],
      ['Vlieland', 3],
    ] as const;
    const made = [];
    for (const [i, [municipality, n]] of places.entries()) {
      const evening = await anEvening()
        .titled(`Avond ${municipality}`)
        .in(municipality)
        .startingAt(`2026-11-0${i + 1}T18:00:00Z`)
        .save(t.dataSource);
      const { dilemma, options } = await aDilemma()
        .of(evening)
        .about('dienstverlening')
        .asking(question)
        .withOptions(
          { label: 'Sneller', consequence: 'Minder persoonlijk contact' },
          { label: 'Persoonlijker', consequence: null },
        )
        .save(t.dataSource);
      await castVotes(t.dataSource, evening, dilemma, [
        ...times(Math.ceil(n / 2), { group: 'tenant' as const, choice: { optionIds: [options[0].id] } }),
        ...times(Math.floor(n / 2), { group: 'tenant_org' as const, choice: { optionIds: [options[1].id] } }),
      ]);
      made.push({ evening, dilemma, options });
    }
    return made;
  }

  it('hides the small evening in results, policy input, comparison.evenings and the CSV, and what would give it away', async () => {
    const question = 'Liever sneller geholpen of persoonlijker contact? (onderdrukking)';
    const [big, middle, small] = await threeEvenings(question);

    const results = await t.http.get(`/api/dilemmas/${small.dilemma.id}/results`).set(analyst.auth).expect(200);
    expect(results.body).toMatchObject({ suppressed: true, total: null, consensus: null, manual: { total: null, counts: {} } });
    expect(results.body.options).toEqual([
      expect.objectContaining({ label: 'Sneller', suppressed: true, count: null, share: null, ci95: null }),
      expect.objectContaining({ label: 'Persoonlijker', suppressed: true, count: null, share: null, ci95: null }),
    ]);
    expect(results.body.segments.every((s: { suppressed: boolean; n: unknown }) => s.suppressed && s.n === null)).toBe(true);
    const bigResults = await t.http.get(`/api/dilemmas/${big.dilemma.id}/results`).set(analyst.auth).expect(200);
    expect(bigResults.body).toMatchObject({ suppressed: false, total: 20 });

    const ids = [big, middle, small].map((x) => x.evening.id).join(',');
    const input = await t.http.get(`/api/policy-input?eveningIds=${ids}`).set(analyst.auth).expect(200);
    expect(input.body.scope).toEqual({
      eveningIds: [big, middle, small].map((x) => x.evening.id).sort(),
      themes: null,
      municipalities: null,
      groups: null,
    });
    const dilemma = input.body.themes[0].dilemmas.find((d: { question: string }) => d.question === question);
    expect(dilemma).toMatchObject({ suppressed: false, total: 35 });
    const row = (id: string) => dilemma.comparison.evenings.find((e: { eveningId: string }) => e.eveningId === id);
    // Vlieland (3) is hidden; the pooled total 35 would give it away from the other two rows, so the smaller of them
    // (12) goes too; and each evening is its own municipality, so the municipalities follow.
    expect(row(small.evening.id)).toEqual({
      eveningId: small.evening.id,
      title: 'Avond Vlieland',
      municipality: 'Vlieland',
      suppressed: true,
      total: null,
      options: null,
    });
    expect(row(middle.evening.id)).toMatchObject({ suppressed: true, total: null, options: null });
    expect(row(big.evening.id)).toMatchObject({ suppressed: false, total: 20 });
    expect(dilemma.evenings.map((e: { suppressed: boolean; total: number | null }) => [e.suppressed, e.total])).toEqual([
      [false, 20],
      [true, null],
      [true, null],
    ]);
    const municipality = (key: string) => dilemma.municipalities.find((m: { key: string }) => m.key === key);
    expect(municipality('Vlieland')).toEqual({ key: 'Vlieland', n: null, suppressed: true, options: null });
    expect(municipality('Noardeast-Fryslân')).toMatchObject({ suppressed: true, n: null });
    expect(municipality('Dantumadiel')).toMatchObject({ suppressed: false, n: 20 });
    // No comparison or difference mentions a hidden evening or municipality.
    const hidden = [small.evening.id, middle.evening.id, 'Vlieland', 'Noardeast-Fryslân'];
    expect(JSON.stringify(dilemma.comparison.differs)).not.toMatch(new RegExp(hidden.join('|')));
    for (const d of dilemma.differences) expect(hidden).not.toContain(d.a);
    for (const d of dilemma.differences) expect(hidden).not.toContain(d.b);

    // The small evening alone: the whole dilemma is a cell under the threshold.
    const alone = await t.http.get(`/api/policy-input?eveningIds=${small.evening.id}`).set(analyst.auth).expect(200);
    const only = alone.body.themes[0].dilemmas[0];
    expect(only).toMatchObject({ suppressed: true, total: null, manualTotal: null, consensus: null, weighting: null });
    expect(
      only.options.every(
        (o: { suppressed: boolean; count: unknown; share: unknown }) => o.suppressed && o.count === null && o.share === null,
      ),
    ).toBe(true);
    expect(only.consequences).toEqual([
      { label: 'Sneller', consequence: 'Minder persoonlijk contact', suppressed: true, share: null, ci95: null, n: null },
    ]);

    // The CSV of a report over the three evenings: the hidden evening rows say so and carry no figure.
    const created = await t.http
      .post('/api/reports')
      .set(analyst.auth)
      .send({ eveningIds: ids.split(',') })
      .expect(202);
    let csv = '';
    await waitFor('report done', async () => {
      const report = await t.http.get(`/api/reports/${created.body.id}`).set(analyst.auth);
      if (report.body.status !== 'done') return false;
      csv = (await t.http.get(`/api/reports/${created.body.id}/export.csv`).set(analyst.auth).expect(200)).text;
      return true;
    });
    expect(csv).toContain(';Avond;Avond Vlieland (Vlieland);;Niet getoond;;;;;ja');
    expect(csv).not.toMatch(/;Avond;Avond Vlieland \(Vlieland\);[^;]+;Aandeel/);
    expect(csv).toContain(';Gemeente;Vlieland;;Niet getoond;;;;;ja');
    expect(csv).toMatch(/;Avond;Avond Dantumadiel \(Dantumadiel\);Sneller;Aandeel;0,5000;/);

    // The same report as XLSX: every row of a hidden evening or municipality says so and has no figure.
    const download = (format: string) =>
      t.http.get(`/api/reports/${created.body.id}/export.${format}`).set(analyst.auth).buffer(true).parse(asBytes).expect(200);
    const sheets = await xlsxRows((await download('xlsx')).body as Buffer);
    const hiddenRows = Object.entries(sheets).flatMap(([sheet, rows]) =>
      rows.filter((row) => /Vlieland|Noardeast-Fryslân/.test(Object.values(row).join(' '))).map((row) => ({ sheet, row })),
    );
    expect(hiddenRows.map((h) => h.sheet)).toEqual(expect.arrayContaining(['Avonden', 'Gemeenten']));
    for (const { sheet, row } of hiddenRows.filter((h) => 'Niet getoond' in h.row)) {
      expect([sheet, row['Niet getoond'], row['n'], row['Aandeel'], row['Interval laag'], row['Interval hoog']]).toEqual([
        sheet,
        'ja',
        '',
        '',
        '',
        '',
      ]);
    }
    const dantumadiel = sheets['Avonden'].filter((row) => row['Avond'] === 'Avond Dantumadiel (Dantumadiel)');
    expect(dantumadiel.map((row) => [row['n'], row['Niet getoond']])).toEqual([
      ['20', 'nee'],
      ['20', 'nee'],
    ]);

    // And as PDF (pdftotext): the evening and municipality tables name them as not shown, never with their n.
    const pdf = pdfPages((await download('pdf')).body as Buffer)
      .join('\n')
      .replace(/\s+/g, ' ');
    expect(pdf).toContain('Avond Vlieland (niet getoond)');
    expect(pdf).toContain('Vlieland (niet getoond)');
    expect(pdf).toMatch(/Dantumadiel \(n=20\)/);
    expect(pdf).not.toMatch(/Vlieland \(n=|Noardeast-Fryslân \(n=|n=3\b|n=12\b/);
  }, 60_000);

  it('computes the shift over the people who voted in both rounds, with McNemar, and hand counts apart', async () => {
    const question = 'Huismeester in de wijk of een digitaal loket? (verschuiving)';
    const evening = await anEvening().titled('Avond Franeker').in('Waadhoeke').save(t.dataSource);
    const { dilemma, options } = await aDilemma()
      .of(evening)
      .about('dienstverlening')
      .asking(question)
      .inRound(2)
      .withOptions({ label: 'Huismeester', consequence: null }, { label: 'Digitaal loket', consequence: null })
      .save(t.dataSource);
    const [a, b] = options;
    // Round 1: 8 chose A, 4 chose B, and one more chose A who did not vote again.
    const voters = await castVotes(t.dataSource, evening, dilemma, [
      ...times(8, { choice: { optionIds: [a.id] } }),
      ...times(4, { choice: { optionIds: [b.id] } }),
      { choice: { optionIds: [a.id] } },
    ]);
    // Round 2: of the 8 on A, 3 move to B; the 4 on B stay; 2 newcomers choose A; 3 people on paper choose A.
    await castVotes(t.dataSource, evening, dilemma, [
      ...voters.slice(0, 12).map((participantId, i) => ({
        participantId,
        round: 2,
        choice: { optionIds: [i < 5 ? a.id : b.id] },
      })),
      ...times(2, { round: 2, choice: { optionIds: [a.id] } }),
    ]);
    await aManualCount()
      .on(dilemma)
      .inRound(2)
      .counting({ [a.id]: 3 })
      .save(t.dataSource);

    const input = await t.http.get(`/api/policy-input?eveningIds=${evening.id}`).set(analyst.auth).expect(200);
    const shift = input.body.themes[0].dilemmas[0].shift;
    expect(shift).toMatchObject({
      suppressed: false,
      dilemmas: 1,
      label: 'op 1 avond opnieuw gestemd',
      n: 12,
      firstTotal: 13,
      lastTotal: 17,
      manual: { first: 0, last: 3 },
    });
    // Huismeester among the 12: 8/12 before, 5/12 after: −25 points; 3 moved away, none to it.
    expect(shift.options[0]).toMatchObject({ label: 'Huismeester', movedFrom: 3, movedTo: 0 });
    expect(shift.options[0].firstShare).toBeCloseTo(8 / 12, 12);
    expect(shift.options[0].lastShare).toBeCloseTo(5 / 12, 12);
    expect(shift.options[0].shiftPp).toBeCloseTo(-25, 10);
    // Agresti–Min: (0.5 − 3.5)/14 = −0.214286 ± 1.959964·√(4 − 9/14)/14 = ± 0.256514 → [−47.08, 4.22] points
    expect(shift.options[0].shiftCi95Pp[0]).toBeCloseTo(-47.08, 1);
    expect(shift.options[0].shiftCi95Pp[1]).toBeCloseTo(4.22, 1);
    // Exact McNemar on 3 against 0: 2 · (1/2)³ = 0.25
    expect(shift.mcnemar).toMatchObject({ labels: ['Huismeester', 'Digitaal loket'], toSecond: 3, toFirst: 0 });
    expect(shift.mcnemar.pValue).toBeCloseTo(0.25, 12);
  }, 30_000);

  it('scopes by evenings, themes, municipalities and groups, and refuses what it does not know', async () => {
    const question = 'Groen onderhoud door bewoners of door de corporatie? (scope)';
    const evening = await anEvening().titled('Avond Dokkum').in('Noardeast-Fryslân').save(t.dataSource);
    const { dilemma, options } = await aDilemma().of(evening).about('leefbaarheid').asking(question).save(t.dataSource);
    await castVotes(t.dataSource, evening, dilemma, [
      ...times(6, { group: 'tenant' as const, choice: { optionIds: [options[0].id] } }),
      ...times(5, { group: 'stakeholder' as const, choice: { optionIds: [options[1].id] } }),
    ]);
    await aManualCount()
      .on(dilemma)
      .counting({ [options[2].id]: 4 })
      .save(t.dataSource);
    const find = (body: { themes: Array<{ dilemmas: Array<{ question: string }> }> }) =>
      body.themes.flatMap((th) => th.dilemmas).find((d) => d.question === question) as Record<string, unknown> | undefined;

    const all = await t.http.get(`/api/policy-input?eveningIds=${evening.id}`).set(analyst.auth).expect(200);
    expect(find(all.body)).toMatchObject({ total: 15, manualTotal: 4 });
    // Groups select people: only the tenants' phone votes count, hand counts (no group) stay out.
    const tenants = await t.http.get(`/api/policy-input?eveningIds=${evening.id}&groups=tenant`).set(analyst.auth).expect(200);
    expect(tenants.body.scope.groups).toEqual(['tenant']);
    expect(find(tenants.body)).toMatchObject({ total: 6, manualTotal: 0 });
    const both = await t.http
      .get(`/api/policy-input?eveningIds=${evening.id}&groups=stakeholder,tenant`)
      .set(analyst.auth)
      .expect(200);
    expect(both.body.scope.groups).toEqual(['tenant', 'stakeholder']);
    expect(find(both.body)).toMatchObject({ total: 11 });
    // Version 1's single theme and municipality still work, alone and with the lists.
    const v1 = await t.http
      .get(`/api/policy-input?theme=leefbaarheid&municipality=${encodeURIComponent('noardeast-fryslân')}`)
      .set(analyst.auth)
      .expect(200);
    expect(find(v1.body)).toBeDefined();
    const other = await t.http
      .get(`/api/policy-input?themes=woning,inspraak&municipalities=${encodeURIComponent('Noardeast-Fryslân')}`)
      .set(analyst.auth)
      .expect(200);
    expect(find(other.body)).toBeUndefined();

    for (const query of [
      `eveningIds=${randomUUID()}`,
      'eveningIds=not-a-uuid',
      'themes=leefbaarheid,bestaat-niet',
      'groups=mayor',
      'groups=tenant,tenant,tenant,tenant',
      `municipalities=${'x'.repeat(101)}`,
    ]) {
      const res = await t.http.get(`/api/policy-input?${query}`).set(analyst.auth);
      expect([query.slice(0, 40), res.status]).toEqual([query.slice(0, 40), 400]);
    }
    const report = await t.http
      .post('/api/reports')
      .set(analyst.auth)
      .send({ eveningIds: [evening.id], groups: ['tenant'] })
      .expect(202);
    const view = await t.http.get(`/api/reports/${report.body.id}`).set(analyst.auth).expect(200);
    expect(view.body.scope).toEqual({ eveningIds: [evening.id], groups: ['tenant'] });
    await t.http.post('/api/reports').set(analyst.auth).send({ groups: 'tenant' }).expect(400);
  }, 30_000);
});
