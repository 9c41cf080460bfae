/**
 * The demo's earlier consultation round (2025): four evenings that already took place, with their votes, asked
 * five of the questions of this year's agenda from the same question-bank templates. Together with the 2026
 * round (the nine evenings `npm run demo:round` plays) the dashboard then shows trends. Deterministic: every
 * participant and vote id is derived from its key, so seeding twice changes nothing.
 */
import { createHash } from 'node:crypto';
import type { AgeBand, ParticipantGroup, VoteChoice } from '@hs/contracts';
import type { DemoDilemma, DemoEvening } from './demo-data';

export interface DemoRound {
  key: string;
  name: string;
  year: number;
  startsOn: string;
  endsOn: string;
}

export const DEMO_ROUNDS: DemoRound[] = [
  { key: '2025', name: 'Bewonersraadpleging 2025', year: 2025, startsOn: '2025-01-15', endsOn: '2025-04-15' },
  { key: '2026', name: 'Bewonersraadpleging 2026', year: 2026, startsOn: '2026-12-01', endsOn: '2027-04-15' },
];

/** The round of this year's nine evenings, and of the four earlier ones below. */
export const CURRENT_ROUND = '2026';
export const PAST_ROUND = '2025';

export interface PastEvening extends DemoEvening {
  /** People who voted. */
  people: number;
}

export const PAST_EVENINGS: PastEvening[] = [
  {
    key: '2025-leeuwarden',
    title: 'Bewonersavond Leeuwarden 2025',
    municipality: 'Leeuwarden',
    venue: 'Wijkcentrum Het Koetshuis',
    startsAt: '2025-02-04T19:30:00+01:00',
    capacity: 120,
    joinMode: 'open',
    people: 84,
  },
  {
    key: '2025-harlingen',
    title: 'Bewonersavond Harlingen 2025',
    municipality: 'Harlingen',
    venue: 'Het Havenhuis',
    startsAt: '2025-02-11T19:30:00+01:00',
    capacity: 80,
    joinMode: 'open',
    people: 52,
  },
  {
    key: '2025-heerenveen',
    title: 'Bewonersavond Heerenveen 2025',
    municipality: 'Heerenveen',
    venue: 'Dorpshuis De Skâns',
    startsAt: '2025-03-04T19:30:00+01:00',
    capacity: 100,
    joinMode: 'open',
    people: 67,
  },
  {
    key: '2025-smallingerland',
    title: 'Bewonersavond Drachten 2025',
    municipality: 'Smallingerland',
    venue: 'Buurthuis De Wiken',
    startsAt: '2025-03-11T19:30:00+01:00',
    capacity: 100,
    joinMode: 'open',
    people: 73,
  },
];

/**
 * What people chose in 2025, per question of the agenda asked then: the relative weight of each option (choice,
 * multi) or of each value 1–5 (scale). A year earlier isolation weighed less and the neighbourhood caretaker more.
 */
export const PAST_PREFERENCES: Record<string, number[]> = {
  'huur-of-isolatie': [2, 5, 3],
  buurtbeheerder: [4, 5, 2, 3, 2],
  reparaties: [6, 2, 2],
  'urgente-woningzoekenden': [2, 4, 4],
  'meebeslissen-begroting': [1, 2, 3, 5, 3],
};

/** A number in [0, 1) from a key: the same key gives the same number on every machine. */
function unit(...parts: string[]): number {
  return createHash('sha256').update(parts.join('/')).digest().readUInt32BE(0) / 2 ** 32;
}

function pickWeighted(weights: number[], u: number): number {
  const total = weights.reduce((s, w) => s + w, 0);
  let at = u * total;
  for (let i = 0; i < weights.length; i++) {
    at -= weights[i];
    if (at < 0) return i;
  }
  return weights.length - 1;
}

const GROUPS: Array<[ParticipantGroup, number]> = [
  ['tenant', 0.76],
  ['tenant_org', 0.1],
  ['stakeholder', 0.14],
];
const AGES: Array<[AgeBand, number]> = [
  ['<30', 0.08],
  ['30-49', 0.2],
  ['50-64', 0.27],
  ['65-79', 0.32],
  ['80+', 0.13],
];

export interface PastPerson {
  index: number;
  group: ParticipantGroup;
  ageBand: AgeBand;
}

export function pastPeople(evening: PastEvening): PastPerson[] {
  return Array.from({ length: evening.people }, (_, index) => ({
    index,
    group:
      GROUPS[
        pickWeighted(
          GROUPS.map(([, w]) => w),
          unit(evening.key, 'group', String(index)),
        )
      ][0],
    ageBand:
      AGES[
        pickWeighted(
          AGES.map(([, w]) => w),
          unit(evening.key, 'age', String(index)),
        )
      ][0],
  }));
}

/** One person's 2025 vote on one question; option ids as the seeder made them. */
export function pastChoice(evening: PastEvening, person: number, dilemma: DemoDilemma, optionIds: string[]): VoteChoice {
  const weights = PAST_PREFERENCES[dilemma.key];
  const first = pickWeighted(weights, unit(evening.key, dilemma.key, String(person)));
  if (dilemma.kind === 'scale') return { value: first + 1 };
  if (dilemma.kind === 'multi') {
    const rest = weights.map((w, i) => (i === first ? 0 : w));
    const second = pickWeighted(rest, unit(evening.key, dilemma.key, String(person), 'second'));
    const two = unit(evening.key, dilemma.key, String(person), 'two') < 0.6 && (dilemma.maxChoices ?? weights.length) >= 2;
    return { optionIds: two ? [optionIds[first], optionIds[second]] : [optionIds[first]] };
  }
  return { optionIds: [optionIds[first]] };
}
