/** The vocabulary of CONTRACT.md, one place for the whole code base. */
export const STAFF_ROLES = ['admin', 'facilitator', 'analyst', 'tenant_org', 'municipality'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * The people at the table: a tenant organisation (huurdersorganisatie) and a municipality (gemeente). Each account
 * is scoped to one or more municipalities and reads only what its route allows for them (see the domain's scope).
 */
export const SCOPED_ROLES = ['tenant_org', 'municipality'] as const;
export type ScopedRole = (typeof SCOPED_ROLES)[number];
export const isScopedRole = (role: StaffRole): role is ScopedRole => (SCOPED_ROLES as readonly string[]).includes(role);

/**
 * Those who run evenings: they see join codes, the console and the live tallies. Everyone else (analysts, the
 * people at the table) reads aggregated results only, and never a join code.
 */
export const EVENING_RUNNER_ROLES = ['admin', 'facilitator'] as const;
export const runsEvenings = (role: StaffRole): boolean => (EVENING_RUNNER_ROLES as readonly string[]).includes(role);

export const EVENING_STATUSES = ['draft', 'published', 'live', 'ended'] as const;
export type EveningStatus = (typeof EVENING_STATUSES)[number];

export const JOIN_MODES = ['open', 'cards'] as const;
export type JoinMode = (typeof JOIN_MODES)[number];

export const GROUPS = ['tenant', 'tenant_org', 'stakeholder'] as const;
export type ParticipantGroup = (typeof GROUPS)[number];

/** Age bands a tenant may give when joining (optional). */
export const AGE_BANDS = ['<30', '30-49', '50-64', '65-79', '80+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const DILEMMA_KINDS = ['choice', 'multi', 'budget', 'scale'] as const;
export type DilemmaKind = (typeof DILEMMA_KINDS)[number];

export const DILEMMA_STATUSES = ['draft', 'open', 'closed'] as const;
export type DilemmaStatus = (typeof DILEMMA_STATUSES)[number];

export const THEME_SLUGS = [
  'inspraak',
  'dienstverlening',
  'woongenot',
  'leefbaarheid',
  'solidariteit',
  'betaalbaarheid',
  'wooncarriere',
  'woning',
] as const;

export const LANGUAGES = ['nl', 'fy', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Localized = Record<Language, string>;

export const REPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const SEGMENT_DIMENSIONS = ['group', 'municipality', 'ageBand'] as const;
export type SegmentDimension = (typeof SEGMENT_DIMENSIONS)[number];

/** The five values of a `scale` dilemma (fully disagree … fully agree), as tally keys. */
export const SCALE_VALUES = ['1', '2', '3', '4', '5'] as const;
