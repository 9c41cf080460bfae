/**
 * Writes the demo round of demo-data.ts through the TypeORM entities. Idempotent: every row's id is
 * derived from its permanent key (a name-based UUID), an evening is written together with its agenda
 * in one transaction or not at all, and whatever exists already (also when staff changed it since) is
 * left exactly as it is. Staff accounts are found by e-mail address and never overwritten.
 */
import { createHash } from 'node:crypto';
import { type DataSource, type EntityManager, Not } from 'typeorm';
import {
  ConsultationRoundEntity,
  DilemmaEntity,
  DilemmaOptionEntity,
  DilemmaTemplateEntity,
  EveningEntity,
  ParticipantEntity,
  StaffUserEntity,
  VoteEntity,
} from '@hs/persistence';
import type { StaffRole } from '@hs/contracts';
import { hashPassword } from '../libs/domain/src/staff/password';
import { DEMO_AGENDA, DEMO_EVENINGS, DEMO_STAFF, type DemoDilemma, type DemoEvening } from './demo-data';
import {
  CURRENT_ROUND,
  DEMO_ROUNDS,
  PAST_EVENINGS,
  PAST_PREFERENCES,
  PAST_ROUND,
  pastChoice,
  pastPeople,
  type PastEvening,
} from './demo-history';

/** The alphabet of join codes (docs/API.md, Join codes): no 0/O, 1/I/L. */
const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export interface SeedAccount {
  email: string;
  role: StaffRole;
  /** The password to print, or null when the account existed already (its password is not ours to tell). */
  password: string | null;
  created: boolean;
}

export interface SeedSummary {
  /** This year's nine evenings. */
  eveningsCreated: number;
  /** The earlier round's evenings (held, with their votes). */
  pastEveningsCreated: number;
  eveningsKept: number;
  dilemmasCreated: number;
  accounts: SeedAccount[];
}

/** A name-based UUID (version 5 layout over SHA-1), so the same key gives the same id on every machine. */
export function demoId(...parts: string[]): string {
  const hash = createHash('sha1')
    .update(`huurdersstem-demo:${parts.join('/')}`)
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A join code derived from the evening's key; `attempt` moves on when that code is in use elsewhere. */
function joinCodeFor(key: string, attempt: number): string {
  const hash = createHash('sha256').update(`join:${key}:${attempt}`).digest();
  return Array.from(hash.subarray(0, 6), (byte) => JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length]).join('');
}

/** Every demo dilemma comes from the question bank, so it is compared across evenings and rounds by its template. */
function linkKey(dilemma: DemoDilemma): string {
  return `template:${demoId('template', dilemma.key)}`;
}

async function freeJoinCode(manager: EntityManager, evening: DemoEvening): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const code = joinCodeFor(evening.key, attempt);
    const taken = await manager.existsBy(EveningEntity, { joinCode: code, status: Not('ended') });
    if (!taken) return code;
  }
  throw new Error(`no free join code for demo evening ${evening.key}`);
}

function dilemmaRow(
  manager: EntityManager,
  eveningId: string,
  eveningKey: string,
  dilemma: DemoDilemma,
  position: number,
  held = false,
) {
  const id = demoId('dilemma', eveningKey, dilemma.key);
  return manager.create(DilemmaEntity, {
    id,
    eveningId,
    position,
    theme: dilemma.theme,
    question: dilemma.question,
    description: dilemma.description ?? null,
    kind: dilemma.kind,
    maxChoices: dilemma.kind === 'multi' ? (dilemma.maxChoices ?? dilemma.options.length) : null,
    budget: dilemma.kind === 'budget' ? (dilemma.budget ?? 10) : null,
    status: held ? 'closed' : 'draft',
    round: 1,
    revealed: held,
    linkKey: linkKey(dilemma),
    touchedAt: null,
    options: dilemma.options.map((option, index) =>
      manager.create(DilemmaOptionEntity, {
        id: demoId('option', eveningKey, dilemma.key, String(index)),
        dilemmaId: id,
        position: index + 1,
        label: option.label,
        consequence: option.consequence ?? null,
      }),
    ),
  });
}

/** Inserts the evening and its agenda together, or finds it there already and leaves it alone. */
async function seedEvening(dataSource: DataSource, evening: DemoEvening): Promise<{ created: boolean; dilemmas: number }> {
  const id = demoId('evening', evening.key);
  return dataSource.transaction(async (manager) => {
    // Two seeds at once wait here for each other instead of both inserting.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`huurdersstem:demo-evening:${id}`]);
    if (await manager.existsBy(EveningEntity, { id })) return { created: false, dilemmas: 0 };
    await manager.insert(EveningEntity, {
      id,
      roundId: demoId('round', CURRENT_ROUND),
      title: evening.title,
      municipality: evening.municipality,
      venue: evening.venue,
      startsAt: new Date(evening.startsAt),
      capacity: evening.capacity,
      joinMode: evening.joinMode,
      status: 'published',
      joinCode: await freeJoinCode(manager, evening),
      endedAt: null,
    });
    const dilemmas = DEMO_AGENDA.map((dilemma, index) => dilemmaRow(manager, id, evening.key, dilemma, index + 1));
    await manager.save(DilemmaEntity, dilemmas);
    return { created: true, dilemmas: dilemmas.length };
  });
}

async function seedAccount(
  dataSource: DataSource,
  account: { email: string; name: string; role: StaffRole; password: string; municipalities?: string[] },
): Promise<SeedAccount> {
  const email = account.email.trim().toLowerCase();
  const users = dataSource.getRepository(StaffUserEntity);
  const result = await users
    .createQueryBuilder()
    .insert()
    .values({
      email,
      name: account.name,
      role: account.role,
      municipalities: account.municipalities ?? [],
      passwordHash: await hashPassword(account.password),
    })
    .orIgnore()
    .returning(['id'])
    .execute();
  const created = (result.raw as unknown[]).length > 0;
  return { email, role: account.role, password: created ? account.password : null, created };
}

/** The demo's consultation rounds and its question bank (one template per agenda item), kept when they exist. */
async function seedRoundsAndBank(dataSource: DataSource): Promise<void> {
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(ConsultationRoundEntity)
    .values(DEMO_ROUNDS.map(({ key, ...round }) => ({ id: demoId('round', key), ...round })))
    .orIgnore()
    .execute();
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(DilemmaTemplateEntity)
    .values(
      DEMO_AGENDA.map((dilemma) => ({
        id: demoId('template', dilemma.key),
        theme: dilemma.theme,
        question: dilemma.question,
        description: dilemma.description ?? null,
        kind: dilemma.kind,
        options: dilemma.options.map((o) => ({ label: o.label, consequence: o.consequence ?? null })),
        maxChoices: dilemma.kind === 'multi' ? (dilemma.maxChoices ?? dilemma.options.length) : null,
        budget: dilemma.kind === 'budget' ? (dilemma.budget ?? 10) : null,
      })),
    )
    .orIgnore()
    .execute();
}

/** An evening of the earlier round: held and ended, with the questions it asked then and everybody's votes. */
async function seedPastEvening(dataSource: DataSource, evening: PastEvening): Promise<boolean> {
  const id = demoId('evening', evening.key);
  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`huurdersstem:demo-evening:${id}`]);
    if (await manager.existsBy(EveningEntity, { id })) return false;
    const startsAt = new Date(evening.startsAt);
    await manager.insert(EveningEntity, {
      id,
      roundId: demoId('round', PAST_ROUND),
      title: evening.title,
      municipality: evening.municipality,
      venue: evening.venue,
      startsAt,
      capacity: evening.capacity,
      joinMode: evening.joinMode,
      status: 'ended',
      joinCode: joinCodeFor(evening.key, 0),
      endedAt: new Date(startsAt.getTime() + 150 * 60_000),
    });
    const asked = DEMO_AGENDA.filter((d) => PAST_PREFERENCES[d.key]);
    const dilemmas = asked.map((dilemma, index) => dilemmaRow(manager, id, evening.key, dilemma, index + 1, true));
    await manager.save(DilemmaEntity, dilemmas);
    const people = pastPeople(evening);
    await manager.insert(
      ParticipantEntity,
      people.map((p) => ({
        id: demoId('participant', evening.key, String(p.index)),
        eveningId: id,
        group: p.group,
        municipality: evening.municipality,
        ageBand: p.ageBand,
      })),
    );
    const votes = asked.flatMap((dilemma, i) =>
      people.map((p) => ({
        id: demoId('vote', evening.key, dilemma.key, String(p.index)),
        participantId: demoId('participant', evening.key, String(p.index)),
        dilemmaId: dilemmas[i].id,
        round: 1,
        choice: pastChoice(
          evening,
          p.index,
          dilemma,
          dilemmas[i].options!.map((o) => o.id),
        ),
        clientVoteId: demoId('client-vote', evening.key, dilemma.key, String(p.index)),
      })),
    );
    await manager.insert(VoteEntity, votes);
    return true;
  });
}

export async function seedDemo(
  dataSource: DataSource,
  options: { admin?: { email: string; password: string } } = {},
): Promise<SeedSummary> {
  const summary: SeedSummary = { eveningsCreated: 0, pastEveningsCreated: 0, eveningsKept: 0, dilemmasCreated: 0, accounts: [] };
  await seedRoundsAndBank(dataSource);
  for (const evening of PAST_EVENINGS) if (await seedPastEvening(dataSource, evening)) summary.pastEveningsCreated++;
  for (const evening of DEMO_EVENINGS) {
    const outcome = await seedEvening(dataSource, evening);
    if (outcome.created) summary.eveningsCreated++;
    else summary.eveningsKept++;
    summary.dilemmasCreated += outcome.dilemmas;
  }
  const accounts = [...DEMO_STAFF];
  if (options.admin) accounts.unshift({ ...options.admin, name: 'Beheerder', role: 'admin' });
  for (const account of accounts) summary.accounts.push(await seedAccount(dataSource, account));
  return summary;
}
