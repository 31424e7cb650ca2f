import { randomUUID } from 'node:crypto';
import { errordetails, encode } from '../proto/temporal-proto';
import { RpcError } from '../grpc/rpc-error';
import { status } from '@grpc/grpc-js';

export interface NamespaceInfo {
  name: string;
  id: string;
  description: string;
  /** How long closed executions are kept; fractions of a day are allowed (a test's seconds). */
  retentionDays: number;
}

/** Registered namespaces. Unknown names answer NOT_FOUND with the detail the SDK turns into NamespaceNotFoundError. */
export class Namespaces {
  private readonly byName = new Map<string, NamespaceInfo>();

  register(name: string, description = '', retentionDays = 1, id: string = randomUUID()): NamespaceInfo {
    const existing = this.byName.get(name);
    if (existing) return existing;
    const info = { name, id, description, retentionDays };
    this.byName.set(name, info);
    return info;
  }

  find(name: string): NamespaceInfo | undefined {
    return this.byName.get(name);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  get(name: string | null | undefined): NamespaceInfo {
    if (!name) throw new RpcError(status.INVALID_ARGUMENT, 'Namespace is not set on request.');
    const info = this.byName.get(name);
    if (!info) {
      throw new RpcError(status.NOT_FOUND, `Namespace ${name} is not found.`, {
        typeName: 'temporal.api.errordetails.v1.NamespaceNotFoundFailure',
        value: encode(errordetails.NamespaceNotFoundFailure, { namespace: name }),
      });
    }
    return info;
  }

  list(): NamespaceInfo[] {
    return [...this.byName.values()];
  }
}
