export * from './step-mapping';
export * from './migration-plan';
export * from './placement';
export * from './migration-decision';
