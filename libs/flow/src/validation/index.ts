export * from './sms-segments';
export * from './validate-flow';
