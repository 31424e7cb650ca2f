export * from './flow.schema';
export * from './node-kinds';
