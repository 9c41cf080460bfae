/**
 * The simulated room of `npm run demo:round`: who comes to each of the nine demo evenings and what they
 * choose. Pure and seeded: the same evening key always gives the same people and the same votes, so the
 * round is reproducible and its figures can be checked against this model.
 *
 * The model is a plain random-utility one: every option gets a score from a base plus what the region,
 * the group and the age band add (plus a small fixed leaning per municipality), and a person picks with
 * probability ∝ exp(score). The leanings are invented but plausible, so that the dashboard has real
 * differences to show (older tenants want their homes adapted and a local office; stakeholders want more
 * homes for urgent cases; Leeuwarden leans to apps and safer streets) next to non-differences.
 */
import { AGE_BANDS, type AgeBand, GROUPS, type ParticipantGroup } from '@hs/contracts';
import { DEMO_AGENDA, type DemoDilemma } from './demo-data';

export type Region = 'city' | 'town' | 'rural' | 'coast';

export interface EveningPlan {
  key: string;
  region: Region;
  /** Phones that join at the start. */
  phones: number;
  /** Phones that join after the first dilemma's first round (they vote in its second round, if any). */
  latecomers: number;
  /** People without a phone, counted by hand by the facilitator. */
  byHand: number;
  /** Dilemma keys put to the vote again after the discussion. */
  revote: string[];
}

/** Opsterland is the small evening (a storm night): fewer people than SUPPRESS_BELOW, so it is hidden everywhere. */
export const EVENING_PLANS: EveningPlan[] = [
  {
    key: 'leeuwarden',
    region: 'city',
    phones: 143,
    latecomers: 5,
    byHand: 4,
    revote: ['huur-of-isolatie', 'urgente-woningzoekenden'],
  },
  { key: 'de-friese-meren', region: 'rural', phones: 61, latecomers: 2, byHand: 5, revote: ['huur-of-isolatie'] },
  { key: 'sudwest-fryslan', region: 'town', phones: 108, latecomers: 4, byHand: 3, revote: ['huur-of-isolatie'] },
  { key: 'heerenveen', region: 'town', phones: 88, latecomers: 3, byHand: 2, revote: ['urgente-woningzoekenden'] },
  { key: 'smallingerland', region: 'town', phones: 117, latecomers: 3, byHand: 4, revote: ['huur-of-isolatie'] },
  { key: 'waadhoeke', region: 'rural', phones: 44, latecomers: 1, byHand: 6, revote: [] },
  { key: 'harlingen', region: 'coast', phones: 67, latecomers: 2, byHand: 3, revote: ['huur-of-isolatie'] },
  { key: 'noardeast-fryslan', region: 'rural', phones: 74, latecomers: 2, byHand: 6, revote: ['urgente-woningzoekenden'] },
  { key: 'opsterland', region: 'rural', phones: 4, latecomers: 0, byHand: 0, revote: [] },
];

/**
 * The same round with fewer phones per evening (at least 10; the small evening stays as it is): for a test that
 * needs the round's shape (nine municipalities, revotes, hand counts, a suppressed evening) but not its size.
 */
export function scaledPlans(scale: number, plans: EveningPlan[] = EVENING_PLANS): EveningPlan[] {
  if (scale === 1) return plans;
  return plans.map((plan) =>
    plan.phones < 10
      ? plan
      : { ...plan, phones: Math.max(10, Math.round(plan.phones * scale)), latecomers: Math.round(plan.latecomers * scale) },
  );
}

/** mulberry32: a small, good-enough PRNG for a simulation; seeded from a string with FNV-1a. */
export function seededRandom(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickWeighted<T>(random: () => number, items: readonly T[], weights: readonly number[]): T {
  const sum = weights.reduce((a, b) => a + b, 0);
  let r = random() * sum;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i];
    if (r < 0) return items[i];
  }
  return items[items.length - 1];
}

/** A standard normal draw (Box–Muller). */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export interface Person {
  group: ParticipantGroup | null;
  ageBand: AgeBand | null;
}

const GROUP_WEIGHTS: Record<Region, number[]> = {
  // tenant, tenant_org, stakeholder, (skipped)
  city: [0.7, 0.11, 0.14, 0.05],
  town: [0.74, 0.11, 0.11, 0.04],
  rural: [0.78, 0.1, 0.08, 0.04],
  coast: [0.76, 0.12, 0.08, 0.04],
};
const AGE_WEIGHTS: Record<Region, number[]> = {
  // <30, 30-49, 50-64, 65-79, 80+, (skipped)
  city: [0.13, 0.24, 0.24, 0.24, 0.07, 0.08],
  town: [0.08, 0.2, 0.26, 0.28, 0.1, 0.08],
  rural: [0.05, 0.14, 0.26, 0.33, 0.14, 0.08],
  coast: [0.06, 0.16, 0.27, 0.31, 0.12, 0.08],
};

export function drawPerson(random: () => number, region: Region): Person {
  const group = pickWeighted(random, [...GROUPS, null], GROUP_WEIGHTS[region]);
  const ageBand = pickWeighted(random, [...AGE_BANDS, null], AGE_WEIGHTS[region]);
  return { group, ageBand };
}

/** Someone at the evening without a phone: mostly older tenants. */
export function drawHandPerson(random: () => number): Person {
  return { group: 'tenant', ageBand: random() < 0.6 ? '80+' : '65-79' };
}

const old = (p: Person) => p.ageBand === '65-79' || p.ageBand === '80+';
const young = (p: Person) => p.ageBand === '<30' || p.ageBand === '30-49';

/** Scores per option of a choice, multi or budget dilemma; `moved` adds what the discussion argued for (a revote). */
function scores(dilemma: DemoDilemma, p: Person, region: Region, lean: number[], moved: boolean): number[] {
  const s = lean.slice(0, dilemma.options.length);
  const add = (i: number, v: number, when: boolean) => {
    if (when) s[i] += v;
  };
  const rural = region === 'rural';
  switch (dilemma.key) {
    case 'huur-of-isolatie': // isolate faster / rent with inflation / spare low incomes
      add(0, 0.2, true);
      add(1, 0.35, true);
      add(0, 0.5, young(p));
      add(1, 0.6, old(p));
      add(0, 0.9, p.group === 'stakeholder');
      add(2, 0.7, p.group === 'tenant_org');
      add(2, 0.35, region === 'city');
      add(2, 0.9, moved);
      break;
    case 'reparaties': // within 3 days via app / fixed office hours nearby / both, paid by service costs
      add(0, 1.0, region === 'city');
      add(1, 1.0, rural);
      add(1, 0.8, old(p));
      add(0, 0.8, young(p));
      add(2, -0.4, true);
      add(2, 0.6, p.group === 'tenant_org');
      break;
    case 'urgente-woningzoekenden': // half / a quarter / only what the law asks
      add(0, 1.3, p.group === 'stakeholder');
      add(2, 0.45, p.group === 'tenant');
      add(1, 0.35, region === 'city');
      add(2, 0.6, rural);
      add(2, 0.35, p.ageBand === '<30');
      add(1, 0.8, moved);
      break;
    case 'buurtbeheerder': // litter / nuisance / green / bring neighbours together / lighting
      add(0, 0.6, region === 'city' || region === 'coast');
      add(1, 0.8, region === 'city');
      add(4, 0.4, region === 'city');
      add(2, 0.6, rural);
      add(3, 0.5, rural);
      add(3, 0.5, old(p));
      add(4, 0.5, old(p));
      add(2, 0.5, young(p));
      break;
    case 'doorstromen': // keep the rent / seniors first in own village / moving help / try first
      add(0, 1.0, old(p));
      add(1, 1.2, old(p));
      add(1, 0.5, rural);
      add(3, 0.5, p.ageBand === '<30');
      add(0, 0.5, p.group === 'stakeholder');
      add(2, 0.3, p.group === 'tenant');
      break;
    case 'onderhoud-verdelen': // insulation / kitchen and bathroom / solar / no thresholds / ventilation
      add(0, 0.4, rural);
      add(0, 0.6, p.group === 'stakeholder');
      add(1, 0.6, young(p));
      add(2, 0.4, p.group === 'stakeholder');
      add(3, 1.1, old(p));
      add(4, 0.6, region === 'city' || region === 'coast');
      break;
  }
  return s;
}

function softmaxPick(random: () => number, s: number[], exclude: Set<number> = new Set()): number {
  const weights = s.map((v, i) => (exclude.has(i) ? 0 : Math.exp(v)));
  return pickWeighted(
    random,
    s.map((_, i) => i),
    weights,
  );
}

/** The choice payload a person sends (`vote.choice`, docs/API.md, Dilemmas), given option ids in the dilemma's order. */
export type Choice = { optionIds: string[] } | { allocation: Record<string, number> } | { value: number };

export function decide(
  random: () => number,
  dilemma: DemoDilemma,
  optionIds: string[],
  p: Person,
  region: Region,
  lean: number[],
  moved = false,
): Choice {
  if (dilemma.kind === 'scale') {
    let mean = 3.3;
    if (dilemma.key === 'meebeslissen-begroting') {
      mean = p.group === 'tenant_org' ? 4.2 : p.group === 'stakeholder' ? 2.5 : 3.5;
      if (region === 'city') mean += 0.2;
    } else {
      mean = 3.4 + (p.ageBand === '80+' ? -0.9 : 0) + (p.ageBand === '30-49' ? 0.3 : 0) + (region === 'coast' ? 0.5 : 0);
    }
    mean += lean[0] / 2;
    return { value: Math.min(5, Math.max(1, Math.round(mean + normal(random) * 0.95))) };
  }
  const s = scores(dilemma, p, region, lean, moved);
  if (dilemma.kind === 'choice') return { optionIds: [optionIds[softmaxPick(random, s)]] };
  if (dilemma.kind === 'multi') {
    const first = softmaxPick(random, s);
    const max = dilemma.maxChoices ?? optionIds.length;
    if (max < 2 || random() < 0.3) return { optionIds: [optionIds[first]] };
    const second = softmaxPick(random, s, new Set([first]));
    return { optionIds: [optionIds[first], optionIds[second]] };
  }
  // budget: each point goes where this person's own (noisy) priorities point.
  const budget = dilemma.budget ?? 10;
  const own = s.map((v) => v + normal(random) * 0.8);
  const allocation: Record<string, number> = {};
  for (let i = 0; i < budget; i++) {
    const id =
      optionIds[
        softmaxPick(
          random,
          own.map((v) => v * 1.4),
        )
      ];
    allocation[id] = (allocation[id] ?? 0) + 1;
  }
  return { allocation };
}

/** A municipality's own small leaning per option (and per scale), fixed by its key. */
export function municipalityLean(eveningKey: string, dilemma: DemoDilemma): number[] {
  const random = seededRandom(`lean:${eveningKey}:${dilemma.key}`);
  return Array.from({ length: Math.max(1, dilemma.options.length) }, () => (random() - 0.5) * 0.6);
}

/** How likely someone lets a dilemma pass, changes a vote while it is open, or changes their mind in a revote. */
export const BEHAVIOUR = { skip: 0.03, changeWhileOpen: 0.03, reconsider: 0.22, leaveBeforeRevote: 0.04 } as const;

export interface SimVote {
  /** Index into the evening's people: phones first, then latecomers. */
  person: number;
  /** What the phone sends, in order; more than one when someone changes their vote while it is open. The last counts. */
  choices: Choice[];
}

export interface SimRound {
  round: number;
  votes: SimVote[];
  /** Hand counts the facilitator enters for this round (people without a phone), or null. */
  manual: { counts: Record<string, number>; respondents: number } | null;
}

export interface SimDilemma {
  key: string;
  kind: DemoDilemma['kind'];
  rounds: SimRound[];
}

export interface SimEvening {
  plan: EveningPlan;
  people: Person[];
  dilemmas: SimDilemma[];
}

function handCounts(choices: Choice[], dilemma: DemoDilemma): SimRound['manual'] {
  if (choices.length === 0 || dilemma.kind === 'budget') return null;
  const counts: Record<string, number> = {};
  for (const choice of choices) {
    const keys = 'value' in choice ? [String(choice.value)] : 'optionIds' in choice ? choice.optionIds : [];
    for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  }
  return { counts, respondents: choices.length };
}

/**
 * The whole evening, decided before anything is sent, so that network timing cannot change the outcome.
 * `optionIds` per dilemma key, in the dilemma's option order (empty for a scale).
 */
export function simulateEvening(plan: EveningPlan, optionIds: Record<string, string[]>): SimEvening {
  const random = seededRandom(`demo-round:${plan.key}`);
  const people = Array.from({ length: plan.phones + plan.latecomers }, () => drawPerson(random, plan.region));
  const hand = Array.from({ length: plan.byHand }, () => drawHandPerson(random));
  const present = new Set(Array.from({ length: plan.phones }, (_, i) => i));
  const dilemmas: SimDilemma[] = [];
  DEMO_AGENDA.forEach((dilemma, position) => {
    const ids = optionIds[dilemma.key] ?? [];
    const lean = municipalityLean(plan.key, dilemma);
    const voteOf = (p: Person, moved: boolean) => decide(random, dilemma, ids, p, plan.region, lean, moved);
    const first = new Map<number, Choice>();
    const votes: SimVote[] = [];
    for (const person of present) {
      if (random() < BEHAVIOUR.skip) continue;
      const choice = voteOf(people[person], false);
      first.set(person, choice);
      const choices = random() < BEHAVIOUR.changeWhileOpen ? [voteOf(people[person], false), choice] : [choice];
      votes.push({ person, choices });
    }
    const handFirst = hand.map((p) => voteOf(p, false));
    const rounds: SimRound[] = [{ round: 1, votes, manual: handCounts(handFirst, dilemma) }];
    if (position === 0) for (let i = plan.phones; i < people.length; i++) present.add(i);
    if (plan.revote.includes(dilemma.key)) {
      for (const person of [...present]) if (first.has(person) && random() < BEHAVIOUR.leaveBeforeRevote) present.delete(person);
      const again: SimVote[] = [];
      for (const person of present) {
        const before = first.get(person);
        if (!before && random() < BEHAVIOUR.skip) continue;
        const reconsider = !before || random() < BEHAVIOUR.reconsider;
        again.push({ person, choices: [reconsider ? voteOf(people[person], true) : before] });
      }
      const handAgain = handFirst.map((c, i) => (random() < BEHAVIOUR.reconsider ? voteOf(hand[i], true) : c));
      rounds.push({ round: 2, votes: again, manual: handCounts(handAgain, dilemma) });
    }
    dilemmas.push({ key: dilemma.key, kind: dilemma.kind, rounds });
  });
  return { plan, people, dilemmas };
}

/** The tally a round should end with: respondents, and per option (scale: value) people or points. */
export function expectedTally(round: SimRound): { total: number; counts: Record<string, number> } {
  const counts: Record<string, number> = {};
  const add = (key: string, n: number) => (counts[key] = (counts[key] ?? 0) + n);
  for (const vote of round.votes) {
    const last = vote.choices[vote.choices.length - 1];
    if ('value' in last) add(String(last.value), 1);
    else if ('optionIds' in last) for (const id of last.optionIds) add(id, 1);
    else for (const [id, points] of Object.entries(last.allocation)) add(id, points);
  }
  for (const [key, n] of Object.entries(round.manual?.counts ?? {})) add(key, n);
  return { total: round.votes.length + (round.manual?.respondents ?? 0), counts };
}
