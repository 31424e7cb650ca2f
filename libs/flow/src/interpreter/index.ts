export * from './flow-graph';
export * from './flow-interpreter';
export * from './flow-state';
export * from './run-flow';
export * from './timeline';
export * from './wait-time';
export * from './catch-up';
export * from './status';
