import type { Client } from '@temporalio/client';
import { type CustomerMailboxInput, type MailboxRequest, customerMailboxWorkflowId, enqueueMessageSignal } from '@dunning/workflows';
import type { CustomerMailbox } from '../../activities/ports';

/** Delivers a send to the customer's mailbox workflow, starting it when it is not running. */
export class TemporalCustomerMailbox implements CustomerMailbox {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly gatherMs?: number,
  ) {}

  async enqueue(request: MailboxRequest): Promise<void> {
    const input: CustomerMailboxInput = { customerId: request.customer.customerId, gatherMs: this.gatherMs };
    await this.client.workflow.signalWithStart('customerMailboxWorkflow', {
      workflowId: customerMailboxWorkflowId(request.customer.customerId),
      taskQueue: this.taskQueue,
      args: [input],
      signal: enqueueMessageSignal,
      signalArgs: [request],
    });
  }
}
