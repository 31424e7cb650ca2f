import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { ExceptionsRepository, InvoicesRepository } from '@dunning/db';
import { DunningActionsService } from '../dunning/dunning-actions.service';
import { WorkflowStarterService } from '../dunning/workflow-starter.service';

/**
 * The exceptions inbox: what needs a person, each with its invoice and a way out. A held flow can be
 * retried (after fixing its cause: an address, the agency setting…) or its step skipped; a workflow
 * that could not start is started again; anything can be marked resolved.
 */
@Injectable()
export class ExceptionsService {
  constructor(
    private readonly exceptions: ExceptionsRepository,
    private readonly invoices: InvoicesRepository,
    private readonly dunning: DunningActionsService,
    private readonly starter: WorkflowStarterService,
  ) {}

  list(filter: Parameters<ExceptionsRepository['list']>[0]) {
    return this.exceptions.list(filter);
  }

  private async open(id: string) {
    const exception = await this.exceptions.find(id);
    if (!exception) throw new NotFoundException(`exception ${id} not found`);
    if (exception.status !== 'open') throw new ConflictException('this exception is already resolved');
    return exception;
  }

  /** Tries again what failed: the held step, or the workflow's start. */
  async retry(id: string, userId?: string) {
    const exception = await this.open(id);
    if (!exception.invoiceId) throw new ConflictException('nothing to retry: this exception concerns no invoice');
    if (exception.kind === 'start_failed') {
      const invoice = (await this.invoices.findById(exception.invoiceId))!;
      await this.invoices.clearStartFailure(invoice.id);
      if (!(await this.starter.startOrRecord({ ...invoice, workflowStartError: null })))
        throw new ConflictException('the workflow still cannot start: see the exception’s message');
    } else if (exception.workflowId && exception.nodeId) {
      await this.dunning.retryStep(exception.invoiceId);
    } else {
      throw new ConflictException('nothing to retry: fix the cause (the contact, the address) and mark it resolved');
    }
    return this.exceptions.resolve(id, 'retried', userId);
  }

  /** The held step will not happen: the flow goes on to the next one. */
  async skip(id: string, reason: string, userId?: string) {
    const exception = await this.open(id);
    if (!exception.invoiceId || !exception.workflowId || !exception.nodeId) throw new ConflictException('no flow is held on this exception');
    await this.dunning.skipStep(exception.invoiceId, reason);
    return this.exceptions.resolve(id, `skipped: ${reason}`, userId);
  }

  async resolve(id: string, resolution: string, userId?: string) {
    await this.open(id);
    return this.exceptions.resolve(id, resolution, userId);
  }
}
