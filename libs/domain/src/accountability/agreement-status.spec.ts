import fc from 'fast-check';
import { AGREEMENT_STATUSES, type AgreementStatus, DomainError } from '@hs/contracts';
import { AGREEMENT_MOVES, assertAgreementMove, canMoveAgreement, INITIAL_AGREEMENT_STATUSES } from './agreement-status';

const status = fc.constantFrom(...AGREEMENT_STATUSES);

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
}

/** Walks a sequence of wished moves, taking those the rule allows; returns the statuses visited. */
function walk(start: AgreementStatus, wishes: AgreementStatus[]): AgreementStatus[] {
  const visited = [start];
  for (const wish of wishes) if (canMoveAgreement(visited[visited.length - 1], wish)) visited.push(wish);
  return visited;
}

describe('agreement status machine', () => {
  it.each([
    ['bod', 'afgesproken'],
    ['afgesproken', 'in_uitvoering'],
    ['in_uitvoering', 'gerealiseerd'],
    ['bod', 'vervallen'],
    ['afgesproken', 'vervallen'],
    ['in_uitvoering', 'vervallen'],
  ] as Array<[AgreementStatus, AgreementStatus]>)('moves %s to %s', (from, to) => {
    expect(codeOf(() => assertAgreementMove(from, to))).toBeNull();
  });

  it('refuses skipping a step, going back, staying put and leaving a final status', () => {
    expect(codeOf(() => assertAgreementMove('bod', 'in_uitvoering'))).toBe('INVALID_TRANSITION');
    expect(codeOf(() => assertAgreementMove('bod', 'gerealiseerd'))).toBe('INVALID_TRANSITION');
    expect(codeOf(() => assertAgreementMove('in_uitvoering', 'afgesproken'))).toBe('INVALID_TRANSITION');
    expect(codeOf(() => assertAgreementMove('afgesproken', 'afgesproken'))).toBe('INVALID_TRANSITION');
    expect(codeOf(() => assertAgreementMove('gerealiseerd', 'vervallen'))).toBe('INVALID_TRANSITION');
    expect(codeOf(() => assertAgreementMove('vervallen', 'bod'))).toBe('INVALID_TRANSITION');
  });

  it('property: any walk from an initial status only goes forward, visits each status once and ends final or movable', () => {
    const rank = (s: AgreementStatus) =>
      s === 'vervallen' ? 99 : ['bod', 'afgesproken', 'in_uitvoering', 'gerealiseerd'].indexOf(s);
    fc.assert(
      fc.property(fc.constantFrom(...INITIAL_AGREEMENT_STATUSES), fc.array(status, { maxLength: 30 }), (start, wishes) => {
        const visited = walk(start, wishes);
        for (let i = 1; i < visited.length; i++) expect(rank(visited[i])).toBeGreaterThan(rank(visited[i - 1]));
        expect(new Set(visited).size).toBe(visited.length);
        // At most bod → afgesproken → in_uitvoering → gerealiseerd|vervallen: four moves.
        expect(visited.length).toBeLessThanOrEqual(4);
        const last = visited[visited.length - 1];
        if (last === 'gerealiseerd' || last === 'vervallen') expect(AGREEMENT_MOVES[last]).toEqual([]);
      }),
    );
  });

  it('property: the assertion and the predicate agree on every pair, and a refusal names the allowed moves', () => {
    fc.assert(
      fc.property(status, status, (from, to) => {
        const code = codeOf(() => assertAgreementMove(from, to));
        expect(code === null).toBe(canMoveAgreement(from, to));
        if (code) {
          try {
            assertAgreementMove(from, to);
          } catch (error) {
            expect((error as DomainError).details).toEqual({ from, to, allowed: AGREEMENT_MOVES[from] });
          }
        }
      }),
    );
  });

  it('property: every status except the final two can still lapse', () => {
    fc.assert(
      fc.property(status, (from) => {
        const final = from === 'gerealiseerd' || from === 'vervallen';
        expect(canMoveAgreement(from, 'vervallen')).toBe(!final);
      }),
    );
  });
});
