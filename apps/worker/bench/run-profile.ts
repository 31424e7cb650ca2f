import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

/** CPU seconds (user + system) of a process, from /proc (Linux); undefined elsewhere. */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 Hz)
  } catch {
    return undefined;
  }
}

/** The test server the SDK launched: this process's child. */
export function serverPid(): number | undefined {
  try {
    const children = execFileSync('pgrep', ['-P', String(process.pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map(Number);
    return children.find((pid) => /temporal-lite/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8')));
  } catch {
    return undefined;
  }
}

const { EventType } = temporal.api.enums.v1;
const COUNTED: Partial<Record<number, string>> = {
  [EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED]: 'workflow tasks',
  [EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED]: 'activities',
  [EventType.EVENT_TYPE_TIMER_STARTED]: 'timers',
  [EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED]: 'signals in',
  [EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED]: 'signals out',
  [EventType.EVENT_TYPE_MARKER_RECORDED]: 'markers (local activities, patches)',
};

/** Average history events of a few executions (all their runs), to see what one invoice or one mailbox costs. */
export async function historyCounts(client: Client, workflowIds: string[]): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  for (const workflowId of workflowIds) {
    let runId: string | undefined;
    for (;;) {
      const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
      for (const event of history.events ?? []) {
        const name = COUNTED[Number(event.eventType)];
        if (name) totals[name] = (totals[name] ?? 0) + 1;
      }
      totals.runs = (totals.runs ?? 0) + 1;
      const last = history.events?.[history.events.length - 1];
      runId = last?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
      if (!runId) break;
    }
  }
  return Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, Math.round((v / workflowIds.length) * 10) / 10]));
}
