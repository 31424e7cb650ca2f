export { ReceivableRefusal } from '@dunning/domain';

/** The invoice, customer or case an event names does not exist. */
export class ReceivableNotFound extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'ReceivableNotFound';
  }
}
