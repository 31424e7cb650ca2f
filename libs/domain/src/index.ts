export * from './money';
export * from './receivable-status';
