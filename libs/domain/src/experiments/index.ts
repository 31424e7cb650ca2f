export * from './arm-choice';
export * from './recovery-comparison';
