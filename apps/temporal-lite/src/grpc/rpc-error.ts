import { Metadata, status } from '@grpc/grpc-js';
import { google, encode } from '../proto/temporal-proto';

interface ErrorDetail {
  /** Fully qualified protobuf type name, e.g. temporal.api.errordetails.v1.NotFoundFailure. */
  typeName: string;
  /** Encoded message. */
  value: Uint8Array;
}

/**
 * An error a handler throws to answer with a gRPC status. Details are sent the way the Temporal
 * server sends them (google.rpc.Status in `grpc-status-details-bin`), which the SDK decodes to
 * raise typed errors such as NamespaceNotFoundError.
 */
export class RpcError extends Error {
  constructor(
    readonly code: status,
    message: string,
    readonly detail?: ErrorDetail,
  ) {
    super(message);
  }

  toServiceError(): { code: status; details: string; metadata: Metadata } {
    const metadata = new Metadata();
    if (this.detail) {
      const statusBytes = encode(google.rpc.Status, {
        code: this.code,
        message: this.message,
        details: [{ type_url: `type.googleapis.com/${this.detail.typeName}`, value: this.detail.value }],
      });
      metadata.set('grpc-status-details-bin', Buffer.from(statusBytes));
    }
    return { code: this.code, details: this.message, metadata };
  }
}

export const invalidArgument = (message: string) => new RpcError(status.INVALID_ARGUMENT, message);
export const notFound = (message: string) => new RpcError(status.NOT_FOUND, message);
export const failedPrecondition = (message: string) => new RpcError(status.FAILED_PRECONDITION, message);

/** Throws INVALID_ARGUMENT naming the field when a required string is empty. */
export function requireField(value: string | null | undefined, field: string): string {
  if (!value) throw invalidArgument(`${field} is not set on request.`);
  return value;
}
