export * from './receivable';
export * from './apply-event';
export * from './date-passed';
