import { type Server, type ServerUnaryCall, type ServiceDefinition, type sendUnaryData, status } from '@grpc/grpc-js';
import type { Method, Type } from 'protobufjs';
import { protoRoot } from '../proto/temporal-proto';
import { RpcError, invalidArgument } from './rpc-error';
import { encodeWithRawHistory, rawHistoryOf } from '../proto/raw-history';

/** A unary handler: the decoded request in, a plain response object out. */
// `never` so that handlers may declare the exact request type they decode.
export type UnaryHandler = (request: never, context: CallContext) => Promise<object> | object;

export interface CallContext {
  /** Aborted when the caller cancels the call or its deadline passes (long polls stop waiting). */
  readonly signal: AbortSignal;
  /** The caller's deadline (epoch ms), when it set one: long polls answer before it. */
  readonly deadline?: number;
}

/**
 * Registers a protobuf service on a grpc-js server from the reflection definitions in
 * `@temporalio/proto`. Methods without a handler answer UNIMPLEMENTED, naming the method.
 */
export function addProtoService(server: Server, serviceName: string, handlers: Record<string, UnaryHandler>, onInternalError: (method: string, error: unknown) => void): void {
  const service = protoRoot.lookupService(serviceName);
  const definition: Record<string, ServiceDefinition[string]> = {};
  const implementation: Record<string, (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => void> = {};

  for (const method of Object.values(service.methods) as Method[]) {
    method.resolve();
    const requestType = method.resolvedRequestType as Type;
    const responseType = method.resolvedResponseType as Type;
    // Responses whose `history` is a History may carry it as stored bytes (raw-history.ts).
    const historyField = responseType.fields.history?.resolve().resolvedType?.fullName === '.temporal.api.history.v1.History' ? responseType.fields.history.id : undefined;
    definition[method.name] = {
      path: `/${serviceName}/${method.name}`,
      requestStream: false,
      responseStream: false,
      requestSerialize: (message: object) => Buffer.from(requestType.encode(message).finish()),
      // A request that is not a valid message is answered INVALID_ARGUMENT by `invoke`.
      requestDeserialize: (bytes: Buffer) => {
        try {
          return requestType.decode(bytes);
        } catch (error) {
          return new MalformedRequest(`${method.name}: malformed ${requestType.name}: ${(error as Error).message}`);
        }
      },
      responseSerialize: (message: object) => {
        const raw = historyField === undefined ? undefined : rawHistoryOf(message);
        const bytes = raw ? encodeWithRawHistory(responseType, message, historyField!, raw) : responseType.encode(message).finish();
        return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
      },
      responseDeserialize: (bytes: Buffer) => responseType.decode(bytes),
    };
    const handler = handlers[method.name];
    implementation[method.name] = handler
      ? (call, callback) => invoke(method.name, handler, call, callback, onInternalError)
      : (_call, callback) => callback({ code: status.UNIMPLEMENTED, details: `${serviceName}/${method.name} is not implemented by temporal-lite` });
  }
  server.addService(definition as ServiceDefinition, implementation);
}

class MalformedRequest {
  constructor(readonly message: string) {}
}

function invoke(
  methodName: string,
  handler: UnaryHandler,
  call: ServerUnaryCall<unknown, unknown>,
  callback: sendUnaryData<unknown>,
  onInternalError: (method: string, error: unknown) => void,
): void {
  if (call.request instanceof MalformedRequest) {
    callback(invalidArgument(call.request.message).toServiceError());
    return;
  }
  let result: Promise<object> | object;
  try {
    result = handler(call.request as never, new GrpcCallContext(call));
  } catch (error) {
    callback(toServiceError(methodName, error, onInternalError));
    return;
  }
  Promise.resolve(result).then(
    (response) => callback(null, response),
    (error) => callback(toServiceError(methodName, error, onInternalError)),
  );
}

/** A cancelled call ends with this reason (a DOMException per call cost a stack trace each). */
const CANCELLED = Object.freeze(new Error('the caller cancelled the call'));

/**
 * The call's signal is made on first use: only long polls and waits read it, and an AbortController
 * per call (with its listener) was a measurable share of the server's time per RPC.
 */
class GrpcCallContext implements CallContext {
  private abort?: AbortController;

  constructor(private readonly call: ServerUnaryCall<unknown, unknown>) {}

  get signal(): AbortSignal {
    if (!this.abort) {
      const abort = new AbortController();
      this.abort = abort;
      if (this.call.cancelled) abort.abort(CANCELLED);
      else this.call.once('cancelled', () => abort.abort(CANCELLED));
    }
    return this.abort.signal;
  }

  get deadline(): number | undefined {
    return deadlineOf(this.call);
  }
}

function deadlineOf(call: ServerUnaryCall<unknown, unknown>): number | undefined {
  const deadline = call.getDeadline();
  const ms = deadline instanceof Date ? deadline.getTime() : deadline;
  return Number.isFinite(ms) ? ms : undefined;
}

function toServiceError(methodName: string, error: unknown, onInternalError: (method: string, error: unknown) => void) {
  if (error instanceof RpcError) return error.toServiceError();
  onInternalError(methodName, error);
  const message = error instanceof Error ? error.message : String(error);
  return { code: status.INTERNAL, details: `${methodName}: ${message}` };
}
