export * from './sample-context';
export * from './template-context';
export * from './template-helpers';
export * from './template-renderer';
export * from './template-check';
export * from './template-variables';
