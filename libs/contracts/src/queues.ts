/** Queue names, job names and their payloads, in one place, shared by the producers and the worker. */
export const AGGREGATION_QUEUE = 'aggregation';
export const REPORTS_QUEUE = 'reports';

export interface JobPayloads {
  'aggregate-dilemma': { dilemmaId: string };
  'aggregate-evening': { eveningId: string };
  'render-report': { reportId: string };
  'recompute-policy-input': { requestedAt: string };
}
export type JobName = keyof JobPayloads;

/**
 * Deterministic job ids, so that queueing the same work twice runs it once. No ':' in them:
 * BullMQ 6 refuses a custom id with ':' ("Custom Id cannot contain :") unless it happens to
 * have exactly three parts, and announces refusing every ':' in its next major version.
 */
export const jobIds = {
  aggregateDilemma: (dilemmaId: string, version: string | number) => `aggregate-dilemma.${dilemmaId}.${version}`,
  aggregateEvening: (eveningId: string) => `aggregate-evening.${eveningId}`,
  renderReport: (reportId: string) => `render-report.${reportId}`,
  /** One full recompute per time bucket: requests within the same bucket share one run. */
  recomputePolicyInput: (bucket: string | number) => `recompute-policy-input.${bucket}`,
};
