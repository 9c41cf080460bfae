/**
 * The last step of `npm run demo:round`: what became of Leeuwarden's input, written through the HTTP API as the
 * people would write it. The policy team puts a bid item in the register, the tenant organisation of Leeuwarden
 * advises on it, the corporation answers, the item is agreed and starts (in uitvoering), and a published finding
 * quotes Leeuwarden's 2026 result and links the agreement: so /terugkoppeling, the letter and the tenant
 * organisation's view of the register have something real to show.
 *
 * Idempotent and resumable: every step looks first whether it was done (by its text), so a second run changes
 * nothing and a run stopped half-way is finished by the next one. `isDemoFeedbackDone` answers from the database
 * without signing in (a sign-in is audited), so that a second demo:round writes nothing at all.
 */
import type { DataSource } from 'typeorm';
import { DEMO_AGENDA, DEMO_STAFF } from './demo-data';
import { CURRENT_ROUND } from './demo-history';
import { client, DemoRoundError, type RoundTarget } from './demo-round-runner';
import { demoId } from './demo-seeder';

export const DEMO_FEEDBACK = {
  municipality: 'Leeuwarden',
  /** The round's evenings were in early 2027; the agreements they feed are those for 2027. */
  year: 2027,
  theme: { name: 'Betaalbaar en duurzaam wonen', description: 'Uit de woonvisie: woonlasten omlaag, woningen warmer.' },
  bid: {
    text: 'De corporatie isoleert in 2027 en 2028 300 woningen in Bilgaard en Heechterp; de huur stijgt daarna niet extra.',
    party: 'corporatie',
    on: '2027-04-15',
  },
  advice: {
    text: 'Begin bij de flats met de hoogste energierekening, en vraag de bewoners per flat wanneer het werk het minst stoort.',
    on: '2027-05-03',
  },
  response: {
    text: 'We beginnen in 2027 met de vier flats aan de Valeriusstraat; per flat is er vooraf een bewonersavond.',
    on: '2027-05-24',
  },
  agreed: { on: '2027-06-12', note: 'Afgesproken met gemeente en huurdersvereniging' },
  started: { on: '2027-09-01', note: 'De eerste flat is in de steigers' },
  /** The dilemma quoted: Leeuwarden's answer on rent or insulation, in the 2026 round. */
  dilemmaKey: 'huur-of-isolatie',
  finding: {
    text: 'Op de huurdersavond in Leeuwarden koos de grootste groep bij "huur of isolatie" voor: {option}.',
    fy: 'Op de hierdersjûn yn Ljouwert keas de grutste groep by "hier of isolaasje" foar: {option}.',
    en: 'At the tenants’ evening in Leeuwarden, most people chose, on "rent or insulation": {option}.',
    response:
      'We hebben dit meegenomen in de afspraken met de gemeente: 300 woningen worden geïsoleerd, zonder extra huurverhoging.',
    responseFy: 'Wy hawwe dit meinaam yn de ôfspraken mei de gemeente: 300 wenten wurde isolearre, sûnder ekstra hierferheging.',
    responseEn: 'We took this into the agreements with the municipality: 300 homes are insulated, with no extra rent increase.',
  },
} as const;

interface Agreement {
  id: string;
  text: string;
  status: string;
  adviceItems?: Array<{ id: string; text: string; response: string | null }>;
}
interface Finding {
  id: string;
  text: string;
  state: 'draft' | 'published';
}
interface Results {
  options: Array<{ optionId: string; label: string; count: number | null }>;
}

const account = (role: 'analyst' | 'tenant_org') => {
  const staff = DEMO_STAFF.find((s) => s.role === role && (role !== 'tenant_org' || s.municipalities?.includes('Leeuwarden')))!;
  return { email: staff.email, password: staff.password };
};

/** Whether the feedback is there in full: the finding published and the agreement in uitvoering. */
export async function isDemoFeedbackDone(dataSource: DataSource): Promise<boolean> {
  const [row] = await dataSource.query(
    `SELECT
       EXISTS (SELECT 1 FROM agreement WHERE municipality = $1 AND text = $2 AND status = 'in_uitvoering') AS agreed,
       EXISTS (SELECT 1 FROM finding WHERE municipality = $1 AND round_id = $3 AND state = 'published') AS published`,
    [DEMO_FEEDBACK.municipality, DEMO_FEEDBACK.bid.text, demoId('round', CURRENT_ROUND)],
  );
  return Boolean(row.agreed && row.published);
}

/** Writes what is missing of the demo feedback; returns the ids. */
export async function writeDemoFeedback(target: RoundTarget): Promise<{ agreementId: string; findingId: string }> {
  const { municipality, year } = DEMO_FEEDBACK;
  const analyst = client(target, account('analyst'));
  const tenants = client(target, account('tenant_org'));
  await analyst.signIn();
  await tenants.signIn();
  const query = `municipality=${encodeURIComponent(municipality)}`;

  // The woonvisie theme and the corporation's bid item under it.
  const themes = await analyst.call<Array<{ id: string; name: string }>>('GET', `/api/register/themes?${query}&year=${year}`);
  const theme =
    themes.find((t) => t.name === DEMO_FEEDBACK.theme.name) ??
    (await analyst.call<{ id: string }>('POST', '/api/register/themes', { municipality, year, ...DEMO_FEEDBACK.theme }));
  const items = await analyst.call<Agreement[]>('GET', `/api/agreements?${query}&year=${year}`);
  const found = items.find((a) => a.text === DEMO_FEEDBACK.bid.text);
  const agreementId =
    found?.id ??
    (
      await analyst.call<Agreement>('POST', '/api/agreements', {
        municipality,
        year,
        themeId: theme.id,
        text: DEMO_FEEDBACK.bid.text,
        party: DEMO_FEEDBACK.bid.party,
        status: 'bod',
        on: DEMO_FEEDBACK.bid.on,
      })
    ).id;

  // The tenant organisation's formal advice on the bid item, and the corporation's written response.
  let item = await tenants.call<Agreement>('GET', `/api/agreements/${agreementId}`);
  let advice = item.adviceItems?.find((a) => a.text === DEMO_FEEDBACK.advice.text);
  if (!advice) advice = await tenants.call('POST', `/api/agreements/${agreementId}/advice`, DEMO_FEEDBACK.advice);
  if (!advice!.response) await analyst.call('POST', `/api/advice/${advice!.id}/response`, DEMO_FEEDBACK.response);

  // bod → afgesproken → in uitvoering, from wherever a stopped run left it.
  item = await analyst.call<Agreement>('GET', `/api/agreements/${agreementId}`);
  if (item.status === 'bod') {
    item = await analyst.call('POST', `/api/agreements/${agreementId}/status`, {
      status: 'afgesproken',
      ...DEMO_FEEDBACK.agreed,
    });
  }
  if (item.status === 'afgesproken') {
    item = await analyst.call('POST', `/api/agreements/${agreementId}/status`, {
      status: 'in_uitvoering',
      ...DEMO_FEEDBACK.started,
    });
  }
  if (item.status !== 'in_uitvoering') {
    throw new DemoRoundError(`the demo agreement in ${municipality} has status ${item.status}; it was changed by hand`);
  }

  // The finding: Leeuwarden's most chosen option, its figures frozen now, the agreement linked; then published.
  const roundId = demoId('round', CURRENT_ROUND);
  const findings = await analyst.call<Finding[]>('GET', `/api/findings?${query}&roundId=${roundId}`);
  let finding = findings[0];
  if (!finding) {
    const dilemmaId = demoId('dilemma', 'leeuwarden', DEMO_FEEDBACK.dilemmaKey);
    if (!DEMO_AGENDA.some((d) => d.key === DEMO_FEEDBACK.dilemmaKey))
      throw new DemoRoundError('the quoted dilemma left the agenda');
    const results = await analyst.call<Results>('GET', `/api/dilemmas/${dilemmaId}/results`);
    const top = [...results.options].sort((a, b) => (b.count ?? -1) - (a.count ?? -1))[0];
    if (!top || top.count === null) throw new DemoRoundError(`${municipality}'s result is not there (or hidden) to quote`);
    const option = `"${top.label}"`;
    const f = DEMO_FEEDBACK.finding;
    finding = await analyst.call<Finding>('POST', '/api/findings', {
      municipality,
      roundId,
      text: f.text.replace('{option}', option),
      translations: { fy: f.fy.replace('{option}', option), en: f.en.replace('{option}', option) },
      quotes: [{ dilemmaId, optionId: top.optionId }],
      response: f.response,
      responseTranslations: { fy: f.responseFy, en: f.responseEn },
      outcome: 'overgenomen',
      agreementIds: [agreementId],
    });
  }
  if (finding.state === 'draft') finding = await analyst.call<Finding>('POST', `/api/findings/${finding.id}/publish`);
  target.log?.(`  ${municipality}: a published finding, an agreement in uitvoering, advice and its response`);
  return { agreementId, findingId: finding.id };
}
