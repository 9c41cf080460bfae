import { differenceExcludesZero, newcombeDifference } from './newcombe';

const round4 = ([low, high]: [number, number]) => [Number(low.toFixed(4)), Number(high.toFixed(4))];

describe("Newcombe's hybrid score interval for a difference of proportions", () => {
  // Newcombe (1998), Table II, method 10: the eight worked examples, to four decimals.
  it.each([
    [56, 70, 48, 80, [0.0524, 0.3339]],
    [9, 10, 3, 10, [0.1705, 0.809]],
    [6, 7, 2, 7, [0.0582, 0.8062]],
    [5, 56, 0, 29, [-0.0381, 0.1926]],
    [0, 10, 0, 20, [-0.1611, 0.2775]],
    [0, 10, 0, 10, [-0.2775, 0.2775]],
    [10, 10, 0, 20, [0.6791, 1]],
    [10, 10, 0, 10, [0.6075, 1]],
  ])('%i/%i − %i/%i gives the published interval', (k1, n1, k2, n2, expected) => {
    expect(round4(newcombeDifference(k1, n1, k2, n2))).toEqual(expected);
  });

  it('is the mirror image when the two proportions swap', () => {
    const [low, high] = newcombeDifference(56, 70, 48, 80);
    const [mLow, mHigh] = newcombeDifference(48, 80, 56, 70);
    expect(mLow).toBeCloseTo(-high, 12);
    expect(mHigh).toBeCloseTo(-low, 12);
  });

  it('flags a change only where the interval excludes zero', () => {
    expect(differenceExcludesZero(newcombeDifference(56, 70, 48, 80))).toBe(true);
    expect(differenceExcludesZero(newcombeDifference(5, 56, 0, 29))).toBe(false);
    expect(differenceExcludesZero(newcombeDifference(0, 10, 0, 10))).toBe(false);
  });

  it('knows nothing without people on either side', () => {
    expect(newcombeDifference(0, 0, 3, 10)).toEqual([-1, 1]);
  });
});
