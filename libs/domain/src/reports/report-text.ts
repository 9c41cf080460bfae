/** Dutch number and date formats of the reports; the words themselves come from the glossary (@hs/contracts). */
import type { Interval } from '@hs/contracts';

const DATE_TIME = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const DATE = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' });

export function dutchDateTime(date: Date): string {
  return `${DATE_TIME.format(date)} (Nederlandse tijd)`;
}

export function dutchDate(date: Date): string {
  return DATE.format(date);
}

export function pct(share: number): string {
  return `${(share * 100).toFixed(0)}%`;
}

/** A decimal with a comma; empty for a missing figure. */
export function dutchDecimal(value: number | null, decimals: number): string {
  return value === null || !Number.isFinite(value) ? '' : value.toFixed(decimals).replace('.', ',');
}

/** A 95% interval as "41–63%". */
export function interval(ci: Interval | null): string {
  return ci ? `${(ci[0] * 100).toFixed(0)}–${pct(ci[1])}` : '';
}

export function pp(points: number): string {
  const text = Math.abs(points).toFixed(1).replace('.', ',');
  return `${points > 0.05 ? '+' : points < -0.05 ? '-' : '±'}${text} procentpunt`;
}
