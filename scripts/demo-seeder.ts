/**
 * Writes the demo round of demo-data.ts through the TypeORM entities. Idempotent: every row's id is
 * derived from its permanent key (a name-based UUID), an evening is written together with its agenda
 * in one transaction or not at all, and whatever exists already (also when staff changed it since) is
 * left exactly as it is. Staff accounts are found by e-mail address and never overwritten.
 */
import { createHash } from 'node:crypto';
import { type DataSource, type EntityManager, Not } from 'typeorm';
import { DilemmaEntity, DilemmaOptionEntity, EveningEntity, StaffUserEntity } from '@hs/persistence';
import type { StaffRole } from '@hs/contracts';
import { hashPassword } from '../libs/domain/src/staff/password';
import { DEMO_AGENDA, DEMO_EVENINGS, DEMO_STAFF, type DemoDilemma, type DemoEvening } from './demo-data';

/** The alphabet of join codes (CONTRACT.md): no 0/O, 1/I/L. */
const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export interface SeedAccount {
  email: string;
  role: StaffRole;
  /** The password to print, or null when the account existed already (its password is not ours to tell). */
  password: string | null;
  created: boolean;
}

export interface SeedSummary {
  eveningsCreated: number;
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

/** The same link key the dilemma service gives by default, so results compare across the nine evenings. */
function linkKey(dilemma: DemoDilemma): string {
  return `${dilemma.theme}|${dilemma.question.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl')}`;
}

async function freeJoinCode(manager: EntityManager, evening: DemoEvening): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const code = joinCodeFor(evening.key, attempt);
    const taken = await manager.existsBy(EveningEntity, { joinCode: code, status: Not('ended') });
    if (!taken) return code;
  }
  throw new Error(`no free join code for demo evening ${evening.key}`);
}

function dilemmaRow(manager: EntityManager, eveningId: string, eveningKey: string, dilemma: DemoDilemma, position: number) {
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
    status: 'draft',
    round: 1,
    revealed: false,
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
  account: { email: string; name: string; role: StaffRole; password: string },
): Promise<SeedAccount> {
  const email = account.email.trim().toLowerCase();
  const users = dataSource.getRepository(StaffUserEntity);
  const result = await users
    .createQueryBuilder()
    .insert()
    .values({ email, name: account.name, role: account.role, passwordHash: await hashPassword(account.password) })
    .orIgnore()
    .returning(['id'])
    .execute();
  const created = (result.raw as unknown[]).length > 0;
  return { email, role: account.role, password: created ? account.password : null, created };
}

export async function seedDemo(
  dataSource: DataSource,
  options: { admin?: { email: string; password: string } } = {},
): Promise<SeedSummary> {
  const summary: SeedSummary = { eveningsCreated: 0, eveningsKept: 0, dilemmasCreated: 0, accounts: [] };
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
