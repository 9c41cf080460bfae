import { dilemmaFindings } from './report-findings';
import type { ReportDilemma } from './report-input';

const base: ReportDilemma = {
  key: 'k',
  theme: 'betaalbaarheid',
  question: 'Lagere huur of duurzame woningen?',
  description: null,
  kind: 'choice',
  evenings: [],
  total: 100,
  manualTotal: 0,
  options: [
    { label: 'Lagere huur', consequence: 'Minder onderhoud', count: 70, share: 0.7, ci95: [0.6, 0.78] },
    { label: 'Duurzaam', consequence: null, count: 30, share: 0.3, ci95: [0.22, 0.4] },
  ],
  consensus: 0.12,
  groups: [],
  municipalities: [
    {
      key: 'Harlingen',
      n: 50,
      suppressed: false,
      options: [{ label: 'Lagere huur', count: 45, share: 0.9, ci95: [0.79, 0.96] }],
    },
    {
      key: 'Leeuwarden',
      n: 50,
      suppressed: false,
      options: [{ label: 'Lagere huur', count: 25, share: 0.5, ci95: [0.37, 0.63] }],
    },
  ],
  ageBands: [],
  weighting: null,
  shift: null,
  consequences: [{ label: 'Lagere huur', consequence: 'Minder onderhoud', share: 0.7, ci95: [0.6, 0.78], n: 100 }],
  comparison: null,
};

describe('key findings written from the numbers', () => {
  it('names the majority, how sure it is, where municipalities differ and the consequence accepted', () => {
    expect(dilemmaFindings('1.1', base)).toEqual([
      '1.1 ‘Lagere huur of duurzame woningen?’: een meerderheid koos ‘Lagere huur’ (70%), 100 deelnemers. ' +
        'Een duidelijke voorkeur: het 95%-interval (60%–78%) ligt boven dat van ‘Duurzaam’. Overeenstemming 0,12: verdeeld.',
      'Gemeenten verschillen bij ‘Lagere huur’: 90% in Harlingen tegen 50% in Leeuwarden.',
      'Een meerderheid (70%) koos ‘Lagere huur’ ook met het gevolg ‘Minder onderhoud’.',
    ]);
  });

  it('says when the preference is not clear and reports only flagged differences when the input flags them', () => {
    const close: ReportDilemma = {
      ...base,
      options: [
        { ...base.options[0], share: 0.52, ci95: [0.42, 0.62] },
        { ...base.options[1], share: 0.48, ci95: [0.38, 0.58] },
      ],
      differences: [
        {
          dimension: 'municipality',
          label: 'Lagere huur',
          a: 'Harlingen',
          b: 'Leeuwarden',
          diff: 0.4,
          ci95: [0.2, 0.6],
          pHolm: 0.2,
          holds: false,
        },
      ],
    };
    const lines = dilemmaFindings('2.1', close);
    expect(lines[0]).toContain('Geen duidelijke voorkeur: ‘Duurzaam’ (48%) ligt binnen de onzekerheid.');
    expect(lines.some((l) => l.startsWith('Gemeenten verschillen'))).toBe(false);
  });

  it('reports the paired shift with its n only when its interval excludes zero, and never quotes a hidden dilemma', () => {
    const shift = {
      dilemmas: 2,
      n: 40,
      firstTotal: 50,
      lastTotal: 52,
      options: [{ label: 'Duurzaam', firstShare: 0.2, lastShare: 0.45, shiftPp: 25, shiftCi95Pp: [10, 40] as [number, number] }],
    };
    expect(dilemmaFindings('3.1', { ...base, shift })).toContain(
      'Na discussie schoof ‘Duurzaam’ van 20% naar 45% (+25,0 procentpunt; 40 mensen stemden in beide rondes).',
    );
    const unsure = { ...shift, options: [{ ...shift.options[0], shiftCi95Pp: [-5, 40] as [number, number] }] };
    expect(dilemmaFindings('3.1', { ...base, shift: unsure })).toContain(
      'Na discussie veranderde er weinig (40 mensen stemden in beide rondes).',
    );
    expect(dilemmaFindings('3.2', { ...base, suppressed: true, total: null })).toEqual([
      '3.2 ‘Lagere huur of duurzame woningen?’: te weinig deelnemers om iets over te zeggen.',
    ]);
  });
});
