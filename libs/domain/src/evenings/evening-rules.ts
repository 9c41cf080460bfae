import { DomainError, type EveningStatus } from '@hs/contracts';

/** The HTTP actions that move an evening, and the one state each may start from. */
export type EveningAction = 'publish' | 'start' | 'end';

export const EVENING_TRANSITIONS: Readonly<Record<EveningAction, { from: EveningStatus; to: EveningStatus }>> = {
  publish: { from: 'draft', to: 'published' },
  start: { from: 'published', to: 'live' },
  end: { from: 'live', to: 'ended' },
};

/** draft → published → live → ended; anything else is null (the API answers 409). */
export function nextEveningStatus(from: EveningStatus, action: EveningAction): EveningStatus | null {
  const move = EVENING_TRANSITIONS[action];
  return move.from === from ? move.to : null;
}

export interface EveningPatch {
  title?: string;
  municipality?: string;
  /** All municipalities served, as given by the client (the main one may be among them). */
  municipalities?: string[];
  venue?: string;
  startsAt?: Date;
  capacity?: number | null;
  joinMode?: 'open' | 'cards';
  /** Filing, not what tenants voted under: may change in every state, also after the evening ended. */
  roundId?: string;
}

/**
 * Which fields may change in which state. Before the evening is live everything may change.
 * Once live, tenants have joined under its join mode and their votes are filed under its
 * municipality and date, so only the texts people read (title, venue) and the capacity may
 * change. An ended evening is history: nothing changes.
 */
export const PATCHABLE_FIELDS: Readonly<Record<EveningStatus, ReadonlyArray<keyof EveningPatch>>> = {
  draft: ['title', 'municipality', 'municipalities', 'venue', 'startsAt', 'capacity', 'joinMode'],
  published: ['title', 'municipality', 'municipalities', 'venue', 'startsAt', 'capacity', 'joinMode'],
  live: ['title', 'venue', 'capacity'],
  ended: [],
};

/** Throws 409 when the patch touches a field the evening's state does not let change. */
export function assertPatchAllowed(status: EveningStatus, patch: EveningPatch): void {
  const given = (Object.keys(patch) as Array<keyof EveningPatch>).filter((key) => patch[key] !== undefined && key !== 'roundId');
  if (status === 'ended' && given.length > 0) {
    throw new DomainError('EVENING_ENDED', 'Deze avond is afgelopen en kan niet meer worden gewijzigd.');
  }
  const refused = given.filter((key) => !PATCHABLE_FIELDS[status].includes(key));
  if (refused.length > 0) {
    throw new DomainError(
      'INVALID_TRANSITION',
      `Deze velden kunnen niet meer worden gewijzigd nu de avond "${status}" is: ${refused.join(', ')}.`,
      { refused },
    );
  }
}

/** docs/API.md, Evenings: "published (open for registration)". A live evening takes no more sign-ups: people join with the code. */
export const REGISTRATION_OPEN_STATUSES: readonly EveningStatus[] = ['published'];

/** Throws 409 when an evening in this state, with this many registrations, takes no further one. */
export function assertRegistrationAccepted(
  evening: { status: EveningStatus; capacity: number | null },
  registered: number,
  emailTaken = false,
): void {
  if (!REGISTRATION_OPEN_STATUSES.includes(evening.status)) {
    throw new DomainError('EVENING_NOT_OPEN_FOR_REGISTRATION', 'Voor deze avond kunt u zich (nu) niet aanmelden.');
  }
  if (emailTaken) {
    throw new DomainError('REGISTRATION_EXISTS', 'Met dit e-mailadres bent u al aangemeld voor deze avond.');
  }
  if (evening.capacity !== null && registered >= evening.capacity) {
    throw new DomainError('EVENING_FULL', 'Deze avond is vol.');
  }
}
