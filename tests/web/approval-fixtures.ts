import { inArray } from 'drizzle-orm';
import { type DatabaseHandle, invoices, sendApprovals } from '@dunning/db';
import { PASSWORD, type Stack } from './stack';

/* Messages held by safe mode, written as the worker writes them, for the approval queue's browser test. */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface FlowSummary {
  id: string;
  name: string;
  latestVersion: number | null;
}

/** Three invoices, due in a month (their workflows send nothing meanwhile), held at two steps of the standard flow as the worker would hold them. */
export async function holdApprovals(stack: Stack, database: DatabaseHandle): Promise<{ flow: FlowSummary; ids: Record<string, string> }> {
  const login = await fetch(`${stack.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'manager@example.com', password: PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const now = await stack.now();
  const csv = [
    'invoice_number,issue_date,due_date,amount,currency,customer_reference,customer_name,customer_email,customer_phone',
    `AP-1,${isoDate(now - 5 * DAY)},${isoDate(now + 30 * DAY)},1200.00,EUR,C-AP-1,Boulangerie Martin,compta@martin.example,06 12 34 56 78`,
    `AP-2,${isoDate(now - 5 * DAY)},${isoDate(now + 30 * DAY)},800.00,EUR,C-AP-2,Garage Dupont,garage@dupont.example,06 98 76 54 32`,
    `AP-3,${isoDate(now - 5 * DAY)},${isoDate(now + 30 * DAY)},500.00,EUR,C-AP-3,Fleurs Leroy,fleurs@leroy.example,06 11 22 33 44`,
  ].join('\n');
  const form = new FormData();
  form.append('file', new Blob([csv]), 'factures.csv');
  const imported = await fetch(`${stack.baseUrl}/api/invoices/import?wait=true`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
  if (imported.status !== 202) throw new Error(`import: ${imported.status} ${await imported.text()}`);

  const api = await stack.api('manager@example.com');
  const flow = (await api<FlowSummary[]>('GET', '/api/flows')).find((f) => f.name.startsWith('Standard') && f.latestVersion !== null)!;
  if (!flow) throw new Error('no published standard flow in the seed');
  const rows = await database.db
    .select()
    .from(invoices)
    .where(inArray(invoices.number, ['AP-1', 'AP-2', 'AP-3']));
  const held = (number: string, nodeId: string, channel: 'email' | 'sms', recipients: string[], onTimeout: 'send' | 'skip') => {
    const invoice = rows.find((r) => r.number === number)!;
    return {
      idempotencyKey: `web-approvals:${number}:${nodeId}`,
      invoiceId: invoice.id,
      customerId: invoice.customerId,
      // No workflow listens under this id: the decision is recorded and stays "sent" on the page.
      workflowId: `web-approvals-${number}`,
      flowId: flow.id,
      flowVersion: flow.latestVersion,
      nodeId,
      channel,
      recipientRole: 'billing',
      recipients,
      subject: channel === 'email' ? `Facture ${number} : rappel` : null,
      body: `Bonjour,\nla facture ${number} reste à régler.\nMerci.`,
      expiresAt: new Date(now + 48 * HOUR),
      onTimeout,
    };
  };
  await database.db
    .insert(sendApprovals)
    .values([
      held('AP-1', 'reminder-1', 'email', ['compta@martin.example'], 'skip'),
      held('AP-2', 'reminder-1', 'email', ['garage@dupont.example'], 'skip'),
      held('AP-3', 'reminder-2', 'sms', ['+33611223344'], 'send'),
    ]);
  return { flow, ids: Object.fromEntries(rows.map((r) => [r.number, r.id])) };
}
