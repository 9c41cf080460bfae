import type { EveningStatus, JoinMode } from '@hs/contracts';
import type { EveningEntity } from '@hs/persistence';
import { eveningMunicipalities } from './evening-municipalities';

/** docs/API.md, Conventions. startsAt is ISO-8601 in UTC (`…Z`), the one offset every client parses alike. */
export interface EveningView {
  id: string;
  title: string;
  municipality: string;
  /** Every municipality the evening serves, the main one (municipality) first. */
  municipalities: string[];
  venue: string;
  startsAt: string;
  capacity: number | null;
  joinMode: JoinMode;
  status: EveningStatus;
  joinCode: string;
  endedAt: string | null;
  /** The consultation round it belongs to. */
  roundId: string;
}

/** What anyone may see: no join code (that is handed out in the room), plus the seats left for signing up. */
export interface PublicEveningView {
  id: string;
  title: string;
  municipality: string;
  /** Every municipality the evening serves, the main one (municipality) first. */
  municipalities: string[];
  venue: string;
  startsAt: string;
  capacity: number | null;
  status: EveningStatus;
  /** null: no limit. */
  seatsLeft: number | null;
  registrationOpen: boolean;
  /** REGISTRATION_RETENTION_DAYS: a sign-up is deleted this many days after the evening ended (the form says so). */
  registrationRetentionDays: number;
}

export function toEveningView(evening: EveningEntity): EveningView {
  return {
    id: evening.id,
    title: evening.title,
    municipality: evening.municipality,
    municipalities: eveningMunicipalities(evening),
    venue: evening.venue,
    startsAt: evening.startsAt.toISOString(),
    capacity: evening.capacity,
    joinMode: evening.joinMode,
    status: evening.status,
    joinCode: evening.joinCode,
    endedAt: evening.endedAt ? evening.endedAt.toISOString() : null,
    roundId: evening.roundId,
  };
}

export function toPublicEveningView(
  evening: EveningEntity,
  registered: number,
  registrationOpen: boolean,
  registrationRetentionDays: number,
): PublicEveningView {
  return {
    id: evening.id,
    title: evening.title,
    municipality: evening.municipality,
    municipalities: eveningMunicipalities(evening),
    venue: evening.venue,
    startsAt: evening.startsAt.toISOString(),
    capacity: evening.capacity,
    status: evening.status,
    seatsLeft: evening.capacity === null ? null : Math.max(0, evening.capacity - registered),
    registrationOpen,
    registrationRetentionDays,
  };
}
