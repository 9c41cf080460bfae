export * from './enums';
export * from './error-codes';
export * from './live-events';
export * from './queues';
export * from './domain-error';
export * from './results';
export * from './rate-limits';
