import { randomInt } from 'node:crypto';
import type { DilemmaKind, EveningStatus } from '@hs/contracts';
import { DilemmaEntity, DilemmaOptionEntity, EveningEntity } from '@hs/persistence';
import type { TestApp } from './test-app';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function aJoinCode(): string {
  return Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/**
 * An evening straight through TypeORM: the pages' tests need one in a given state without
 * depending on the HTTP transition endpoints (built on another branch).
 */
export async function seedEvening(t: TestApp, status: EveningStatus = 'live'): Promise<EveningEntity> {
  return t.dataSource.getRepository(EveningEntity).save({
    title: 'Bewonersavond Leeuwarden <b>test</b>',
    municipality: 'Leeuwarden',
    venue: 'Wijkcentrum De Vlietzone',
    startsAt: new Date('2026-03-12T18:30:00Z'),
    capacity: null,
    joinMode: 'open',
    status,
    joinCode: aJoinCode(),
  });
}

/** A dilemma with options, open (the evening's only open one) unless said otherwise. */
export async function seedDilemma(
  t: TestApp,
  eveningId: string,
  options: { kind?: DilemmaKind; status?: DilemmaEntity['status']; labels?: Array<[string, string | null]> } = {},
): Promise<DilemmaEntity & { options: DilemmaOptionEntity[] }> {
  const labels = options.labels ?? [
    ['Nu isoleren', 'De huur gaat 1,5% per jaar omhoog'],
    ['Huur gelijk houden', 'Isolatie komt 5 jaar later'],
  ];
  const dilemma = await t.dataSource.getRepository(DilemmaEntity).save({
    eveningId,
    position: 1,
    theme: 'betaalbaarheid',
    question: 'Liever nu isoleren of de huur gelijk houden?',
    description: 'Isoleren verlaagt de energierekening, maar kost geld.',
    kind: options.kind ?? 'choice',
    maxChoices: null,
    budget: options.kind === 'budget' ? 10 : null,
    status: options.status ?? 'open',
    round: 1,
    revealed: false,
    linkKey: null,
    touchedAt: new Date(),
  });
  const saved = await t.dataSource
    .getRepository(DilemmaOptionEntity)
    .save(labels.map(([label, consequence], position) => ({ dilemmaId: dilemma.id, position, label, consequence })));
  return Object.assign(dilemma, { options: saved });
}
