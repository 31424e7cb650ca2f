import { Injectable } from '@nestjs/common';
import { addCalendarDays, riskScoreOrDefault } from '@dunning/domain';
import { publicHolidays } from '@dunning/domain/holidays';
import type { CustomerRow, FlowVersionRow, InvoiceRow } from '@dunning/db';
import { type Flow, type Locale, flowSchema } from '@dunning/flow';
import type { InvoiceWorkflowInput } from '@dunning/workflows';

/** What an invoice's workflow starts with: the invoice and its customer as the books hold them, the frozen flow, the calendar. */
@Injectable()
export class WorkflowInputBuilder {
  private readonly holidays = new Map<string, string[]>();
  /** Published versions never change: each is read into a Flow once, not once per invoice. */
  private readonly parsedFlows = new Map<string, Flow>();

  /** Public holidays of a country for a span of years, computed once per process. */
  private holidaysFor(country: string, from: number, to: number): string[] {
    const key = `${country}:${from}:${to}`;
    let holidays = this.holidays.get(key);
    if (!holidays) {
      holidays = publicHolidays(country, from, to);
      this.holidays.set(key, holidays);
    }
    return holidays;
  }

  private flowOf(version: FlowVersionRow): Flow {
    let flow = this.parsedFlows.get(version.id);
    if (!flow) {
      flow = flowSchema.parse(version.graph) as Flow;
      this.parsedFlows.set(version.id, flow);
    }
    return flow;
  }

  build(invoice: InvoiceRow, customer: CustomerRow, version: FlowVersionRow, now: Date): InvoiceWorkflowInput {
    const flow = this.flowOf(version);
    const from = Math.min(Number(invoice.issueDate.slice(0, 4)), now.getUTCFullYear());
    const money = (amount: number) => ({ amount, currency: invoice.currency });
    return {
      invoice: {
        invoiceId: invoice.id,
        invoiceNumber: invoice.number,
        customerId: customer.id,
        issueDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        amount: money(invoice.amount),
        balance: money(invoice.balance),
        riskScore: riskScoreOrDefault(customer.riskScore),
        segment: customer.segment ?? '',
        customerType: customer.customerType === 'person' ? 'person' : 'company',
        ...(invoice.limitationDate ? { limitationDate: invoice.limitationDate } : {}),
        revision: invoice.revision,
      },
      customer: { customerId: customer.id, name: customer.name, locale: customer.locale as Locale, timeZone: customer.timeZone, country: customer.country },
      flow,
      flowVersion: version.version,
      calendar: { timeZone: customer.timeZone, holidays: this.holidaysFor(customer.country, from, from + 3) },
      standing: {
        disputed: invoice.disputedAt !== null,
        // The promise's date is the end of its `promised` days less the grace.
        promise: invoice.promisedUntil && invoice.promisedAmount !== null ? { date: addCalendarDays(invoice.promisedUntil, -2), amount: invoice.promisedAmount } : undefined,
        status: invoice.withAgencyAt ? 'with_agency' : invoice.irrecoverableAt ? 'irrecoverable' : invoice.doubtfulAt ? 'doubtful' : undefined,
      },
    };
  }
}
