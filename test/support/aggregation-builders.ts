/**
 * Test data for aggregation, straight through TypeORM (the evenings API and the live gateway are
 * other branches): anEvening(), aDilemma(), aParticipant(), aVote().inRound(2)…, aManualCount().
 * Every builder has defaults, so a test states only what matters to it.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AgeBand, DilemmaKind, EveningStatus, ParticipantGroup, VoteChoice } from '@hs/contracts';
import {
  DilemmaEntity,
  DilemmaOptionEntity,
  EveningEntity,
  ManualCountEntryEntity,
  ManualCountRoundEntity,
  ParticipantEntity,
  VoteEntity,
} from '@hs/persistence';

const JOIN_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const joinCode = () => Array.from({ length: 6 }, () => JOIN_ALPHABET[randomInt(JOIN_ALPHABET.length)]).join('');

export function anEvening() {
  const fields = {
    title: 'Bewonersavond',
    municipality: 'Leeuwarden',
    venue: 'Buurthuis',
    status: 'ended' as EveningStatus,
    startsAt: new Date('2026-10-01T17:00:00Z'),
    otherMunicipalities: [] as string[],
  };
  const builder = {
    titled: (title: string) => ((fields.title = title), builder),
    in: (municipality: string) => ((fields.municipality = municipality), builder),
    /** Further municipalities the evening serves: participants who picked one of them count there. */
    alsoServing: (...municipalities: string[]) => ((fields.otherMunicipalities = municipalities), builder),
    withStatus: (status: EveningStatus) => ((fields.status = status), builder),
    startingAt: (iso: string) => ((fields.startsAt = new Date(iso)), builder),
    save: (db: DataSource) => db.getRepository(EveningEntity).save({ ...fields, joinCode: joinCode() }),
  };
  return builder;
}

export interface SavedDilemma {
  dilemma: DilemmaEntity;
  options: DilemmaOptionEntity[];
}

export function aDilemma() {
  const fields = {
    eveningId: '',
    theme: 'woning',
    question: 'Waar moet de corporatie het eerst in investeren?',
    description: null as string | null,
    kind: 'choice' as DilemmaKind,
    status: 'closed' as 'draft' | 'open' | 'closed',
    round: 1,
    budget: null as number | null,
    maxChoices: null as number | null,
    linkKey: null as string | null,
    position: 0,
    options: [
      { label: 'Isolatie', consequence: 'Huur stijgt met € 10 per maand' },
      { label: 'Nieuwe keukens', consequence: null },
      { label: 'Groen in de buurt', consequence: null },
    ] as Array<{ label: string; consequence: string | null }>,
  };
  const builder = {
    of: (evening: { id: string }) => ((fields.eveningId = evening.id), builder),
    about: (theme: string) => ((fields.theme = theme), builder),
    asking: (question: string) => ((fields.question = question), builder),
    described: (description: string) => ((fields.description = description), builder),
    ofKind: (kind: DilemmaKind, extra: { budget?: number; maxChoices?: number } = {}) => {
      fields.kind = kind;
      fields.budget = kind === 'budget' ? (extra.budget ?? 10) : null;
      fields.maxChoices = extra.maxChoices ?? (kind === 'multi' ? 2 : null);
      if (kind === 'scale') fields.options = [];
      return builder;
    },
    withOptions: (...options: Array<string | { label: string; consequence: string | null }>) => {
      fields.options = options.map((o) => (typeof o === 'string' ? { label: o, consequence: null } : o));
      return builder;
    },
    withStatus: (status: 'draft' | 'open' | 'closed') => ((fields.status = status), builder),
    inRound: (round: number) => ((fields.round = round), builder),
    linkedAs: (key: string) => ((fields.linkKey = key), builder),
    at: (position: number) => ((fields.position = position), builder),
    async save(db: DataSource): Promise<SavedDilemma> {
      const position = fields.position || (await db.getRepository(DilemmaEntity).countBy({ eveningId: fields.eveningId })) + 1;
      const { options, ...rest } = fields;
      const dilemma = await db.getRepository(DilemmaEntity).save({ ...rest, position });
      const saved = await db
        .getRepository(DilemmaOptionEntity)
        .save(options.map((o, i) => ({ dilemmaId: dilemma.id, position: i + 1, label: o.label, consequence: o.consequence })));
      return { dilemma, options: saved };
    },
  };
  return builder;
}

export function aParticipant() {
  const fields = {
    eveningId: '',
    group: 'tenant' as ParticipantGroup | null,
    municipality: 'Leeuwarden' as string | null,
    ageBand: '65-79' as AgeBand | null,
  };
  const builder = {
    at: (evening: { id: string }) => ((fields.eveningId = evening.id), builder),
    inGroup: (group: ParticipantGroup | null) => ((fields.group = group), builder),
    from: (municipality: string | null) => ((fields.municipality = municipality), builder),
    aged: (ageBand: AgeBand | null) => ((fields.ageBand = ageBand), builder),
    save: (db: DataSource) => db.getRepository(ParticipantEntity).save({ ...fields }),
  };
  return builder;
}

export function aVote() {
  const fields = { participantId: '', dilemmaId: '', round: 1, choice: { optionIds: [] } as VoteChoice };
  const builder = {
    by: (participant: { id: string }) => ((fields.participantId = participant.id), builder),
    on: (dilemma: { id: string }) => ((fields.dilemmaId = dilemma.id), builder),
    inRound: (round: number) => ((fields.round = round), builder),
    choosing: (...options: Array<{ id: string }>) => ((fields.choice = { optionIds: options.map((o) => o.id) }), builder),
    allocating: (allocation: Record<string, number>) => ((fields.choice = { allocation }), builder),
    valued: (value: number) => ((fields.choice = { value }), builder),
    save: (db: DataSource) => db.getRepository(VoteEntity).save({ ...fields, clientVoteId: randomUUID() }),
  };
  return builder;
}

export function aManualCount() {
  const fields = {
    dilemmaId: '',
    round: 1,
    counts: {} as Record<string, number>,
    note: null as string | null,
    respondents: undefined as number | undefined,
  };
  const builder = {
    on: (dilemma: { id: string }) => ((fields.dilemmaId = dilemma.id), builder),
    inRound: (round: number) => ((fields.round = round), builder),
    counting: (counts: Record<string, number>) => ((fields.counts = counts), builder),
    /** The people the counts stand for; by default the sum (one count per person, as for choice and scale). */
    standingFor: (respondents: number) => ((fields.respondents = respondents), builder),
    /** One entry per option and a round row, as the API stores them (a second save of a round replaces its entries). */
    save: async (db: DataSource) => {
      const { dilemmaId, round, counts, note } = fields;
      const respondents = fields.respondents ?? Object.values(counts).reduce((a, b) => a + b, 0);
      await db.getRepository(ManualCountEntryEntity).upsert(
        Object.entries(counts).map(([optionKey, count]) => ({ dilemmaId, round, optionKey, count })),
        ['dilemmaId', 'round', 'optionKey'],
      );
      await db.getRepository(ManualCountRoundEntity).upsert({ dilemmaId, round, respondents, note }, ['dilemmaId', 'round']);
    },
  };
  return builder;
}

export interface Voter {
  group?: ParticipantGroup | null;
  municipality?: string | null;
  ageBand?: AgeBand | null;
}

/**
 * Many votes at once: one participant per entry (with its segments) voting `choice` in `round`.
 * Returns the participants, so a second round can reuse them.
 */
export async function castVotes(
  db: DataSource,
  evening: { id: string },
  dilemma: { id: string },
  entries: Array<Voter & { choice: VoteChoice; round?: number; participantId?: string }>,
): Promise<string[]> {
  // Two bulk inserts instead of one per vote: builders stay fast enough for hundreds of votes.
  const fresh = entries.filter((e) => !e.participantId);
  const ids = fresh.map(() => randomUUID());
  if (fresh.length) {
    await db.getRepository(ParticipantEntity).insert(
      fresh.map((entry, i) => ({
        id: ids[i],
        eveningId: evening.id,
        group: entry.group === undefined ? 'tenant' : entry.group,
        municipality: entry.municipality === undefined ? 'Leeuwarden' : entry.municipality,
        ageBand: entry.ageBand === undefined ? '65-79' : entry.ageBand,
      })),
    );
  }
  let next = 0;
  const participantIds = entries.map((e) => e.participantId ?? ids[next++]);
  if (entries.length) {
    await db.getRepository(VoteEntity).insert(
      entries.map((entry, i) => ({
        participantId: participantIds[i],
        dilemmaId: dilemma.id,
        round: entry.round ?? 1,
        choice: entry.choice,
        clientVoteId: randomUUID(),
      })),
    );
  }
  return participantIds;
}

/** n copies of a voter entry. */
export const times = <T>(n: number, entry: T): T[] => Array.from({ length: n }, () => ({ ...entry }));
