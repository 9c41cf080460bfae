/**
 * The report as views (one table per way of looking at it: totals, groups, municipalities, age bands, evenings,
 * weighting, shift, consequences, differences), each column with its kind of number and its meaning. The XLSX
 * writes one sheet per view and a codebook from the same column list, so a sheet and its explanation cannot
 * drift apart. Words from the glossary; suppressed rows carry no figures and say so.
 */
import { type GlossaryKey, type Interval, kindLabel, segmentLabel, term } from '@hs/contracts';
import { differences, optionLabel } from './report-csv';
import { type ReportDilemma, type ReportInput, type ReportSegment, hidden, numbered } from './report-input';

/** How a column's numbers are written: a percentage, a whole number, a decimal, percentage points, or text. */
export type ViewKind = 'text' | 'int' | 'share' | 'decimal' | 'pp';
export type ViewCell = string | number | null;

export interface ViewColumn {
  header: string;
  kind: ViewKind;
  meaning: string;
}

export interface ViewRow {
  cells: ViewCell[];
  suppressed: boolean;
}

export interface ReportView {
  name: string;
  about: string;
  columns: ViewColumn[];
  rows: ViewRow[];
}

const col = (header: string, kind: ViewKind, meaning: string): ViewColumn => ({ header, kind, meaning });
const t = (key: GlossaryKey) => term(key);
const DILEMMA = [
  col(t('dimension.theme'), 'text', 'Het thema van het dilemma.'),
  col('Nr', 'text', 'Het nummer van het dilemma in dit rapport (thema.dilemma), zoals in de PDF en de CSV.'),
  col('Vraag', 'text', 'De vraag zoals die op de avond gesteld werd.'),
];
const OPTION = col('Optie', 'text', 'Het antwoord waar het cijfer over gaat.');
const SHARE = col(t('measure.share'), 'share', t('explain.share'));
const LOW = col(t('measure.intervalLow'), 'share', `Ondergrens van het 95%-interval. ${t('explain.interval')}`);
const HIGH = col(t('measure.intervalHigh'), 'share', 'Bovengrens van het 95%-interval.');
const HIDDEN = col(
  t('measure.suppressed'),
  'text',
  '"ja": te weinig mensen in deze cel; de cijfers zijn leeg. Zie Privacy hieronder.',
);
const N = col('n', 'int', 'Het aantal deelnemers waar het aandeel van is.');

type Add = (d: ReportDilemma, base: ViewCell[], rows: ViewRow[]) => void;

function view(input: ReportInput, name: string, about: string, columns: ViewColumn[], add: Add): ReportView {
  const rows: ViewRow[] = [];
  for (const { theme, number, dilemma } of numbered(input)) {
    if (!hidden(dilemma)) add(dilemma, [theme.name, number, dilemma.question], rows);
  }
  return { name, about, columns: [...DILEMMA, ...columns], rows };
}

const lo = (ci: Interval | null | undefined) => ci?.[0] ?? null;
const hi = (ci: Interval | null | undefined) => ci?.[1] ?? null;
const yes = (flag: boolean | undefined) => (flag ? t('yes') : t('no'));

function segmentView(
  input: ReportInput,
  name: string,
  dimension: 'group' | 'municipality' | 'ageBand',
  pick: (d: ReportDilemma) => ReportSegment[],
): ReportView {
  const key = `dimension.${dimension}` as const satisfies GlossaryKey;
  return view(
    input,
    name,
    `Per ${t(key).toLowerCase()}: het aandeel per optie.`,
    [col(t(key), 'text', `${t(key)} van de deelnemers. ${t('explain.groups')}`), N, OPTION, SHARE, LOW, HIGH, HIDDEN],
    (d, base, rows) => {
      for (const s of pick(d)) {
        const label = segmentLabel(dimension, s.key);
        if (s.suppressed || !s.options)
          rows.push({ cells: [...base, label, null, null, null, null, null, t('yes')], suppressed: true });
        else
          for (const o of s.options)
            rows.push({
              cells: [...base, label, s.n, optionLabel(d, o.label), o.share, o.ci95[0], o.ci95[1], t('no')],
              suppressed: false,
            });
      }
    },
  );
}

export function reportViews(input: ReportInput): ReportView[] {
  return [
    view(
      input,
      'Totaal',
      'Per dilemma en optie: aantal, aandeel en 95%-interval over alle avonden samen.',
      [
        col(t('dimension.kind'), 'text', 'Eén keuze, meerdere keuzes, punten verdelen of een schaal van 1 tot 5.'),
        col(t('measure.respondents'), 'int', 'Deelnemers aan het dilemma (laatste ronde), handgetelde inbegrepen.'),
        col(t('measure.consensus'), 'decimal', t('explain.consensus')),
        OPTION,
        col(t('measure.count'), 'int', 'Mensen die de optie kozen; bij punten verdelen: de punten.'),
        SHARE,
        LOW,
        HIGH,
        col(t('measure.manual'), 'int', t('explain.manual')),
        HIDDEN,
      ],
      (d, base, rows) => {
        for (const o of d.options) {
          const front = [...base, kindLabel(d.kind), d.total, d.consensus, optionLabel(d, o.label)];
          if (o.suppressed || o.share === null)
            rows.push({ cells: [...front, null, null, null, null, null, t('yes')], suppressed: true });
          else
            rows.push({ cells: [...front, o.count, o.share, lo(o.ci95), hi(o.ci95), o.manual ?? 0, t('no')], suppressed: false });
        }
      },
    ),
    segmentView(input, 'Groepen', 'group', (d) => d.groups),
    segmentView(input, 'Gemeenten', 'municipality', (d) => d.municipalities),
    segmentView(input, 'Leeftijd', 'ageBand', (d) => d.ageBands),
    view(
      input,
      'Avonden',
      'Per avond: het aandeel per optie, om avonden te vergelijken.',
      [col(t('dimension.evening'), 'text', 'De avond en haar gemeente.'), N, OPTION, SHARE, LOW, HIGH, HIDDEN],
      (d, base, rows) => {
        for (const e of d.comparison?.evenings ?? []) {
          const name = `${e.title} (${e.municipality})`;
          if (e.suppressed || !e.options)
            rows.push({ cells: [...base, name, null, null, null, null, null, t('yes')], suppressed: true });
          else
            for (const o of e.options)
              rows.push({
                cells: [...base, name, e.total, optionLabel(d, o.label), o.share, o.ci95[0], o.ci95[1], t('no')],
                suppressed: false,
              });
        }
      },
    ),
    view(
      input,
      'Weging',
      'Ongewogen en gewogen aandeel naast elkaar.',
      [
        OPTION,
        col(t('measure.raw'), 'share', 'Iedere deelnemer telt even zwaar.'),
        col(t('measure.weighted'), 'share', t('explain.weighting')),
        LOW,
        HIGH,
        col(t('measure.effectiveN'), 'decimal', 'Kish: zoveel deelnemers zonder weging zouden even zeker zijn.'),
        HIDDEN,
      ],
      (d, base, rows) => {
        const g = d.weighting;
        if (g?.suppressed) rows.push({ cells: [...base, null, null, null, null, null, null, t('yes')], suppressed: true });
        else
          for (const o of g?.options ?? [])
            rows.push({
              cells: [
                ...base,
                optionLabel(d, o.label),
                o.rawShare,
                o.weightedShare,
                o.ci95[0],
                o.ci95[1],
                g!.effectiveN,
                t('no'),
              ],
              suppressed: false,
            });
      },
    ),
    view(
      input,
      'Verschuiving',
      `${t('explain.shift')} Waar bekend: alleen over de mensen die in beide rondes stemden.`,
      [
        OPTION,
        col(t('measure.firstRound'), 'share', 'Aandeel in de eerste ronde.'),
        col(t('measure.lastRound'), 'share', 'Aandeel in de laatste ronde.'),
        col(t('measure.shiftPp'), 'pp', 'Laatste min eerste ronde, in procentpunten.'),
        col('Interval laag (procentpunt)', 'pp', 'Ondergrens van het 95%-interval van de verschuiving (gepaard).'),
        col('Interval hoog (procentpunt)', 'pp', 'Bovengrens van het 95%-interval van de verschuiving (gepaard).'),
        col(
          t('measure.pairedN'),
          'int',
          'Mensen die in de eerste en de laatste ronde stemden; handgetelde stemmen tellen hier niet mee.',
        ),
        HIDDEN,
      ],
      (d, base, rows) => {
        const s = d.shift;
        if (!s) return;
        if (s.suppressed || !s.options)
          rows.push({ cells: [...base, null, null, null, null, null, null, null, t('yes')], suppressed: true });
        else
          for (const o of s.options)
            rows.push({
              cells: [
                ...base,
                optionLabel(d, o.label),
                o.firstShare,
                o.lastShare,
                o.shiftPp,
                o.shiftCi95Pp?.[0] ?? null,
                o.shiftCi95Pp?.[1] ?? null,
                s.n ?? null,
                t('no'),
              ],
              suppressed: false,
            });
      },
    ),
    view(
      input,
      'Gevolgen',
      t('explain.consequence'),
      [
        OPTION,
        col(t('measure.consequence'), 'text', 'Het gevolg dat bij de optie stond.'),
        col(t('measure.acceptedAnyway'), 'share', t('explain.consequence')),
        LOW,
        HIGH,
        N,
        HIDDEN,
      ],
      (d, base, rows) => {
        for (const c of d.consequences) {
          if (c.suppressed || c.share === null)
            rows.push({
              cells: [...base, optionLabel(d, c.label), c.consequence, null, null, null, null, t('yes')],
              suppressed: true,
            });
          else
            rows.push({
              cells: [...base, optionLabel(d, c.label), c.consequence, c.share, lo(c.ci95), hi(c.ci95), c.n, t('no')],
              suppressed: false,
            });
        }
      },
    ),
    view(
      input,
      'Verschillen',
      t('explain.differs'),
      [
        col('Vergelijking', 'text', 'Tussen welke groepen, gemeenten, leeftijden of avonden.'),
        col('Tussen', 'text', 'De twee die verschillen.'),
        OPTION,
        col('Verschilt', 'text', 'ja: het verschil houdt stand.'),
      ],
      (d, base, rows) => {
        for (const x of differences(d))
          rows.push({ cells: [...base, t(x.part), x.between, optionLabel(d, x.label), yes(true)], suppressed: false });
      },
    ),
  ];
}
