export * from './simulate';
export * from './shift-reasons';
