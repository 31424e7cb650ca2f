export * from './schema';
export * from './validation';
export * from './interpreter';
export * from './simulator';
export * from './default-flows';
export * from './migration';
