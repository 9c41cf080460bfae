export * from './wilson';
export * from './consensus';
export * from './suppression';
export * from './tally';
export * from './round-summary';
export * from './weighting';
export * from './policy-builder';
