export * from './money';
export * from './receivable-status';
export * from './calendar';
export * from './late-fees';
export * from './accounting';
