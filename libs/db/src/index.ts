export * from './schema';
export * from './connection/database';
export * from './repositories';
