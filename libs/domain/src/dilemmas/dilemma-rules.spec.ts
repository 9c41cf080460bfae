import { DILEMMA_STATUSES, DomainError } from '@hs/contracts';
import {
  canMoveDilemma,
  cleanTranslations,
  defaultLinkKey,
  DILEMMA_TEXTS,
  type DilemmaShapeInput,
  validateDilemmaShape,
  withOptionTranslations,
} from './dilemma-rules';

const opts = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `Optie ${i + 1}` }));

function refusal(input: DilemmaShapeInput): string | null {
  try {
    validateDilemmaShape(input);
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
}

describe('validateDilemmaShape', () => {
  it('accepts choice with 2 to 8 options and refuses 1 or 9', () => {
    expect(refusal({ kind: 'choice', options: opts(2) })).toBeNull();
    expect(refusal({ kind: 'choice', options: opts(8) })).toBeNull();
    expect(refusal({ kind: 'choice', options: opts(1) })).toBe('INVALID_DILEMMA');
    expect(refusal({ kind: 'choice', options: opts(9) })).toBe('INVALID_DILEMMA');
    expect(refusal({ kind: 'choice' })).toBe('INVALID_DILEMMA');
  });

  it('defaults maxChoices of multi to the number of options and keeps it within 1..options', () => {
    expect(validateDilemmaShape({ kind: 'multi', options: opts(4) }).maxChoices).toBe(4);
    expect(validateDilemmaShape({ kind: 'multi', options: opts(4), maxChoices: 2 }).maxChoices).toBe(2);
    expect(refusal({ kind: 'multi', options: opts(4), maxChoices: 0 })).toBe('INVALID_DILEMMA');
    expect(refusal({ kind: 'multi', options: opts(4), maxChoices: 5 })).toBe('INVALID_DILEMMA');
    expect(refusal({ kind: 'multi', options: opts(4), maxChoices: 1.5 })).toBe('INVALID_DILEMMA');
    expect(refusal({ kind: 'multi', options: opts(1), maxChoices: 1 })).toBe('INVALID_DILEMMA');
  });

  it('requires a whole budget of 1 to 1000 for budget, with 2 to 8 options', () => {
    expect(validateDilemmaShape({ kind: 'budget', options: opts(3), budget: 100 }).budget).toBe(100);
    expect(refusal({ kind: 'budget', options: opts(3) })).toBe('INVALID_DILEMMA');
    expect(refusal({ kind: 'budget', options: opts(3), budget: 0 })).toBe('INVALID_DILEMMA');
    expect(refusal({ kind: 'budget', options: opts(3), budget: 1001 })).toBe('INVALID_DILEMMA');
    expect(refusal({ kind: 'budget', options: opts(3), budget: 2.5 })).toBe('INVALID_DILEMMA');
    expect(refusal({ kind: 'budget', options: opts(1), budget: 10 })).toBe('INVALID_DILEMMA');
  });

  it('takes scale without options and refuses options on it', () => {
    expect(validateDilemmaShape({ kind: 'scale', options: [] })).toEqual({ options: [], maxChoices: null, budget: null });
    expect(validateDilemmaShape({ kind: 'scale' }).options).toEqual([]);
    expect(refusal({ kind: 'scale', options: opts(2) })).toBe('INVALID_DILEMMA');
  });

  it('refuses maxChoices outside multi and budget outside budget', () => {
    expect(refusal({ kind: 'choice', options: opts(2), maxChoices: 1 })).toBe('INVALID_DILEMMA');
    expect(refusal({ kind: 'budget', options: opts(2), budget: 10, maxChoices: 1 })).toBe('INVALID_DILEMMA');
    expect(refusal({ kind: 'multi', options: opts(2), budget: 10 })).toBe('INVALID_DILEMMA');
    expect(refusal({ kind: 'scale', budget: 10 })).toBe('INVALID_DILEMMA');
    expect(refusal({ kind: 'choice', options: opts(2), maxChoices: null, budget: null })).toBeNull();
  });

  it('refuses blank and duplicate labels, ignoring case and spaces', () => {
    expect(refusal({ kind: 'choice', options: [{ label: 'Ja' }, { label: '   ' }] })).toBe('INVALID_DILEMMA');
    expect(refusal({ kind: 'choice', options: [{ label: 'Ja' }, { label: ' ja ' }] })).toBe('INVALID_DILEMMA');
  });

  it('keeps labels and consequences exactly as given, with null for a missing consequence', () => {
    const label = `<script>alert("x")</script> & 'quotes'`;
    expect(
      validateDilemmaShape({ kind: 'choice', options: [{ label, consequence: 'huur +1,5%' }, { label: 'b' }] }).options,
    ).toEqual([
      { label, consequence: 'huur +1,5%' },
      { label: 'b', consequence: null },
    ]);
  });
});

describe('dilemma moves', () => {
  const table = (move: Parameters<typeof canMoveDilemma>[0]) =>
    DILEMMA_STATUSES.flatMap((status) =>
      [false, true].map((revealed) => (canMoveDilemma(move, { status, revealed }) ? `${status}${revealed ? '+r' : ''}` : null)),
    ).filter(Boolean);

  it('opens only a draft', () => expect(table('open')).toEqual(['draft', 'draft+r']));
  it('closes only an open dilemma', () => expect(table('close')).toEqual(['open', 'open+r']));
  it('reveals an open or closed dilemma once', () => expect(table('reveal')).toEqual(['open', 'closed']));
  it('revotes only a closed dilemma', () => expect(table('revote')).toEqual(['closed', 'closed+r']));
});

describe('defaultLinkKey', () => {
  it('ignores case and extra spaces in the question', () => {
    expect(defaultLinkKey('woning', ' Isoleren  of  HUUR? ')).toBe(defaultLinkKey('woning', 'isoleren of huur?'));
  });
});

describe('translations as stored', () => {
  it('keeps only the filled-in texts of fy and en, so an emptied field falls back to the Dutch', () => {
    expect(
      cleanTranslations(
        { fy: { question: 'Fraach?', description: '  ' }, en: { question: '', description: null } },
        DILEMMA_TEXTS,
      ),
    ).toEqual({ fy: { question: 'Fraach?' } });
  });

  it('takes null or nothing as no translations', () => {
    expect(cleanTranslations(null, DILEMMA_TEXTS)).toEqual({});
    expect(cleanTranslations(undefined, DILEMMA_TEXTS)).toEqual({});
  });

  it('pairs each shaped option with the translations given at its place, and none where none were given', () => {
    const shaped = [
      { label: 'Ja', consequence: null },
      { label: 'Nee', consequence: 'Later' },
    ];
    expect(withOptionTranslations(shaped, [{ label: 'Ja', translations: { en: { label: 'Yes', consequence: '' } } }])).toEqual([
      { label: 'Ja', consequence: null, translations: { en: { label: 'Yes' } } },
      { label: 'Nee', consequence: 'Later', translations: {} },
    ]);
  });
});
