import type { Loose, temporal } from '../proto/temporal-proto';

type Messages = typeof temporal.api.workflowservice.v1;
/** The decoded request message of a WorkflowService RPC, by message name. */
export type Req<Name extends keyof Messages> = Messages[Name] extends { decode(...args: never[]): infer M } ? Loose<M> : never;
