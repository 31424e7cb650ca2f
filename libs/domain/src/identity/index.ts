export * from './identity-numbers';
export * from './creditor-identity';
