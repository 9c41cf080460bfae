import fc from 'fast-check';
import { DomainError, FINDING_OUTCOMES } from '@hs/contracts';
import { amsterdamDay, assertFindingPatch, freezeQuote, historyOf, type QuoteSource } from './finding-rules';

const source: QuoteSource = {
  dilemmaId: 'd1',
  question: 'Liever nu isoleren of de huur gelijk houden?',
  kind: 'choice',
  round: 2,
  total: 40,
  options: [
    { optionId: 'o1', label: 'Nu isoleren', count: 30, share: 0.75, ci95: [0.6, 0.86], manual: 0, consequence: null },
    { optionId: 'o2', label: 'Huur gelijk', count: 10, share: 0.25, ci95: [0.14, 0.4], manual: 0, consequence: null },
  ],
};

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
}

describe('freezeQuote', () => {
  it('copies the option figures with the moment they were taken', () => {
    const quote = freezeQuote(source, 'o1', new Date('2026-10-01T10:00:00Z'), 5);
    expect(quote).toEqual({
      dilemmaId: 'd1',
      question: source.question,
      round: 2,
      optionId: 'o1',
      label: 'Nu isoleren',
      count: 30,
      total: 40,
      share: 0.75,
      ci95: [0.6, 0.86],
      asOf: '2026-10-01T10:00:00.000Z',
    });
  });

  it('is a copy: changing the results afterwards does not change the quote', () => {
    const options = source.options.map((o) => ({ ...o, ci95: [...o.ci95] as [number, number] }));
    const quote = freezeQuote({ ...source, options }, 'o1', new Date(), 5);
    options[0].ci95[0] = 0;
    options[0].count = 1;
    expect(quote.ci95[0]).toBe(0.6);
    expect(quote.count).toBe(30);
  });

  it('refuses budget dilemmas, unknown options and results of fewer people than the suppression limit', () => {
    expect(codeOf(() => freezeQuote({ ...source, kind: 'budget' }, 'o1', new Date(), 5))).toBe('INVALID_QUOTE');
    expect(codeOf(() => freezeQuote(source, 'o9', new Date(), 5))).toBe('INVALID_QUOTE');
    expect(codeOf(() => freezeQuote({ ...source, total: 4 }, 'o1', new Date(), 5))).toBe('INVALID_QUOTE');
    expect(codeOf(() => freezeQuote({ ...source, total: 5 }, 'o1', new Date(), 5))).toBeNull();
  });
});

describe('assertFindingPatch and historyOf', () => {
  it('lets a draft change everything and adds no history', () => {
    expect(codeOf(() => assertFindingPatch('draft', { text: 't', quotes: [], roundId: null }))).toBeNull();
    expect(historyOf({ state: 'draft', outcome: 'in_behandeling', response: '' }, { outcome: 'overgenomen' })).toEqual([]);
  });

  it('fixes the sentence and figures of a published finding (409) but not what was done with it', () => {
    for (const patch of [{ text: 't' }, { quotes: [] }, { translations: {} }, { roundId: null }]) {
      expect(codeOf(() => assertFindingPatch('published', patch))).toBe('FINDING_PUBLISHED');
    }
    expect(codeOf(() => assertFindingPatch('published', { response: 'r', outcome: 'overgenomen', agreementIds: [] }))).toBeNull();
  });

  it('property: a published finding gets an outcome entry exactly when the outcome changes, a response entry when the response does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FINDING_OUTCOMES),
        fc.option(fc.constantFrom(...FINDING_OUTCOMES), { nil: undefined }),
        fc.string(),
        fc.option(fc.string(), { nil: undefined }),
        (outcome, nextOutcome, response, nextResponse) => {
          const events = historyOf({ state: 'published', outcome, response }, { outcome: nextOutcome, response: nextResponse });
          const outcomeChanged = nextOutcome !== undefined && nextOutcome !== outcome;
          const responseChanged = nextResponse !== undefined && nextResponse !== response;
          expect(events.some((e) => e.kind === 'outcome' && e.outcome === nextOutcome)).toBe(outcomeChanged);
          expect(events.some((e) => e.kind === 'response')).toBe(responseChanged);
          expect(events).toHaveLength(Number(outcomeChanged) + Number(responseChanged));
        },
      ),
    );
  });
});

describe('amsterdamDay', () => {
  it('gives the Dutch calendar day, not the UTC one', () => {
    expect(amsterdamDay(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    expect(amsterdamDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(amsterdamDay(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});
