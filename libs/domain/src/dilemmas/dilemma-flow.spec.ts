import fc from 'fast-check';
import { type FlowDilemma, isCountdownLength, nextStep } from './dilemma-flow';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 12, 18, minute));
const d = (id: string, position: number, status: FlowDilemma['status'], touched: number | null = null): FlowDilemma => ({
  id,
  position,
  status,
  touchedAt: touched === null ? null : at(touched),
});

describe('nextStep ("Volgende vraag")', () => {
  it('closes the open dilemma and opens the next draft on the agenda', () => {
    expect(nextStep([d('a', 1, 'closed', 1), d('b', 2, 'open', 2), d('c', 3, 'draft'), d('e', 4, 'draft')])).toEqual({
      close: 'b',
      open: 'c',
    });
  });

  it('starts with the first draft when nothing was touched yet', () => {
    expect(nextStep([d('b', 2, 'draft'), d('a', 1, 'draft')])).toEqual({ close: null, open: 'a' });
  });

  it('goes on after the last dilemma touched when none is open', () => {
    expect(nextStep([d('a', 1, 'draft'), d('b', 2, 'closed', 5), d('c', 3, 'draft')])).toEqual({ close: null, open: 'c' });
  });

  it('comes back to a skipped draft when none follows', () => {
    expect(nextStep([d('a', 1, 'draft'), d('b', 2, 'closed', 1), d('c', 3, 'open', 2)])).toEqual({ close: 'c', open: 'a' });
  });

  it('has nothing to open when every dilemma was put', () => {
    expect(nextStep([d('a', 1, 'closed', 1), d('b', 2, 'open', 2)])).toEqual({ close: 'b', open: null });
    expect(nextStep([])).toEqual({ close: null, open: null });
  });

  it('opens a draft whenever one is left, and never the open one', () => {
    const status = fc.constantFrom<FlowDilemma['status']>('draft', 'open', 'closed');
    fc.assert(
      fc.property(fc.array(fc.tuple(status, fc.option(fc.nat(100), { nil: null })), { maxLength: 8 }), (rows) => {
        let opened = false;
        const list = rows.map(([s, touched], i) => {
          const st = s === 'open' && opened ? 'closed' : s;
          if (st === 'open') opened = true;
          return d(`d${i}`, i + 1, st, touched);
        });
        const step = nextStep(list);
        const drafts = list.filter((x) => x.status === 'draft').map((x) => x.id);
        expect(step.open === null).toBe(drafts.length === 0);
        if (step.open) expect(drafts).toContain(step.open);
        expect(step.close).toBe(list.find((x) => x.status === 'open')?.id ?? null);
      }),
    );
  });
});

describe('isCountdownLength', () => {
  it('takes whole seconds from 5 to 3600 only', () => {
    expect([5, 60, 3600].map(isCountdownLength)).toEqual([true, true, true]);
    expect([4, 3601, 1.5, '60', null, NaN].map(isCountdownLength)).toEqual([false, false, false, false, false, false]);
  });
});
