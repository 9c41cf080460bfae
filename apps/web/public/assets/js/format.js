// Dates and numbers as people in Friesland read them: Europe/Amsterdam, Dutch-style numbers.
import { currentLang } from './i18n.js';

const TZ = 'Europe/Amsterdam';
const LOCALES = { nl: 'nl-NL', fy: 'fy-NL', en: 'en-GB' };

function locale() {
  return LOCALES[currentLang()] ?? 'nl-NL';
}

// Browsers carry no Frisian calendar names (Chromium writes "2026 M03 12, Thu 19:30" for fy-NL), so
// Frisian dates are spelled here, in the Dutch order.
const FY_MONTHS = [
  'jannewaris',
  'febrewaris',
  'maart',
  'april',
  'maaie',
  'juny',
  'july',
  'augustus',
  'septimber',
  'oktober',
  'novimber',
  'desimber',
];
const FY_DAYS = ['snein', 'moandei', 'tiisdei', 'woansdei', 'tongersdei', 'freed', 'sneon'];

/** The Amsterdam wall-clock parts of an instant: year, month (1-12), day, weekday (0 = Sunday), hour, minute. */
function amsterdamParts(date) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TZ,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(date);
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  const [year, month, day] = [get('year'), get('month'), get('day')];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { year, month, day, weekday, hour: get('hour'), minute: get('minute') };
}

function intl(options, date) {
  try {
    return new Intl.DateTimeFormat(locale(), { timeZone: TZ, ...options }).format(date);
  } catch {
    return new Intl.DateTimeFormat('nl-NL', { timeZone: TZ, ...options }).format(date);
  }
}

/** An instant as the full date and time in the page's language, Dutch time: "tongersdei 12 maart 2026 om 19:30". */
export function formatDateTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  if (currentLang() !== 'fy') return intl({ dateStyle: 'full', timeStyle: 'short' }, date);
  const p = amsterdamParts(date);
  const time = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  return `${FY_DAYS[p.weekday]} ${p.day} ${FY_MONTHS[p.month - 1]} ${p.year} om ${time}`;
}

/** A calendar day (YYYY-MM-DD) or an instant as "12 maart 2026" in the page's language, Dutch time. */
export function formatDay(value) {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value ?? '') ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  if (currentLang() !== 'fy') return intl({ day: 'numeric', month: 'long', year: 'numeric' }, date);
  const p = amsterdamParts(date);
  return `${p.day} ${FY_MONTHS[p.month - 1]} ${p.year}`;
}

export function formatPercent(share, digits = 0) {
  if (typeof share !== 'number' || !Number.isFinite(share)) return '–';
  return `${(share * 100).toLocaleString('nl-NL', { maximumFractionDigits: digits, minimumFractionDigits: digits })}%`;
}

export function formatNumber(value, digits = 1) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  return value.toLocaleString('nl-NL', { maximumFractionDigits: digits });
}

/** Offset of Europe/Amsterdam from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function amsterdamOffsetMinutes(utcMillis) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TZ,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(utcMillis));
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - utcMillis) / 60000);
}

/**
 * A <input type="datetime-local"> value ("2026-03-12T19:30") read as Amsterdam wall time, whatever
 * the laptop's own time zone is, as ISO-8601 with offset ("2026-03-12T19:30:00+01:00").
 */
export function amsterdamLocalToIso(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value ?? '');
  if (!m) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  let offset = amsterdamOffsetMinutes(wall);
  offset = amsterdamOffsetMinutes(wall - offset * 60000);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${sign}${hh}:${mm}`;
}
