/**
 * Workflows for the workflow-update tests (updates.spec.ts): a ledger that takes lines through a
 * validated update, and handlers that fail, wait for a signal or sleep on a durable timer.
 */
import * as wf from '@temporalio/workflow';

/** Adds a line and returns the new total; the validator refuses amounts that are not positive. */
export const addLine = wf.defineUpdate<number, [string, number]>('addLine');
/** Always fails with an ApplicationFailure (an update failure, not a rejection). */
export const refuseLine = wf.defineUpdate<number, [string]>('refuseLine');
/** Completes once the `release` signal came. */
export const awaitRelease = wf.defineUpdate<string>('awaitRelease');
/** Sleeps on a durable timer (ms), then returns how long it slept by the workflow's clock. */
export const settleAfter = wf.defineUpdate<number, [number]>('settleAfter');
export const release = wf.defineSignal('release');
export const closeLedger = wf.defineSignal('closeLedger');
export const ledgerLines = wf.defineQuery<string[]>('ledgerLines');

export async function ledger(): Promise<{ total: number; lines: string[] }> {
  const lines: string[] = [];
  let total = 0;
  let released = false;
  let closed = false;
  wf.setHandler(
    addLine,
    (label, amount) => {
      lines.push(label);
      total += amount;
      return total;
    },
    {
      validator: (_label, amount) => {
        if (!(amount > 0)) throw new Error(`amount must be positive, got ${amount}`);
      },
    },
  );
  wf.setHandler(refuseLine, (label) => {
    throw wf.ApplicationFailure.nonRetryable(`cannot book ${label}`, 'LedgerError');
  });
  wf.setHandler(awaitRelease, async () => {
    await wf.condition(() => released);
    return 'released';
  });
  wf.setHandler(release, () => void (released = true));
  wf.setHandler(closeLedger, () => void (closed = true));
  wf.setHandler(ledgerLines, () => lines);
  await wf.condition(() => closed && wf.allHandlersFinished());
  return { total, lines };
}

/** Ends when its `settleAfter` update has slept: returns what the update returned. */
export async function settlement(): Promise<number> {
  let slept = -1;
  wf.setHandler(settleAfter, async (ms) => {
    const began = Date.now();
    await wf.sleep(ms);
    slept = Date.now() - began;
    return slept;
  });
  await wf.condition(() => slept >= 0);
  return slept;
}

/**
 * Takes `addLine` updates until a local activity (the test's `hang`) times out, then returns its
 * lines: the workflow task stays open meanwhile, so an update can arrive while it is closing.
 */
export async function closingLedger(): Promise<string[]> {
  const lines: string[] = [];
  wf.setHandler(addLine, (label) => lines.push(label));
  const { hang } = wf.proxyLocalActivities<{ hang(key: string): Promise<void> }>({ startToCloseTimeout: '1s', retry: { maximumAttempts: 1 } });
  await hang(wf.workflowInfo().workflowId).catch(() => undefined);
  return lines;
}
