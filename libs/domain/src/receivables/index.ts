export * from './receivable';
export * from './apply-event';
