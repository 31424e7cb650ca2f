export * from './step-mapping';
export * from './migration-plan';
