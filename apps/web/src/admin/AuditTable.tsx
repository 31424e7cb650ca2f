import { Badge, Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/account-queries';
import { formatDate } from '../common/format';
import { auditActionKey, auditBodySummary, auditBodyText, auditStatusColor, auditWhat, auditWho } from './audit-row';

/** The audit entries as a table: when, who, what, on which target, the answer, and the request summarised (in full on demand). */
export function AuditTable({ entries, nameOf }: { entries: AuditEntry[]; nameOf: (id: string) => string | undefined }) {
  const { t, i18n } = useTranslation();
  const role = (code: string) => t(`roles.${code}`, { defaultValue: code });
  return (
    <Table verticalSpacing="xs" data-testid="audit-table" aria-label={t('audit.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('audit.when')}</Table.Th>
          <Table.Th>{t('audit.who')}</Table.Th>
          <Table.Th>{t('audit.action')}</Table.Th>
          <Table.Th>{t('audit.target')}</Table.Th>
          <Table.Th>{t('audit.status')}</Table.Th>
          <Table.Th>{t('audit.details')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => {
          const who = auditWho(entry);
          const what = auditWhat(entry, nameOf);
          const actionKey = auditActionKey(entry);
          const body = auditBodyText(entry.body);
          return (
            <Table.Tr key={entry.id} data-testid="audit-entry">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(entry.at, i18n.language, true)}</Table.Td>
              <Table.Td>
                {who.kind === 'email' ? (
                  <>
                    <Text size="sm">{who.email}</Text>
                    <Text size="xs" c="dimmed">
                      {role(who.role)}
                    </Text>
                  </>
                ) : who.kind === 'agencyKey' ? (
                  <Text size="sm">{t('audit.agencyKey', { agency: (who.agencyId && nameOf(who.agencyId)) ?? who.agencyId ?? '—' })}</Text>
                ) : (
                  <Text size="sm">{role(who.role)}</Text>
                )}
              </Table.Td>
              <Table.Td>
                {actionKey && <Text size="sm">{t(`audit.actions.${actionKey}`)}</Text>}
                <Text size="xs" c={actionKey ? 'dimmed' : undefined} ff="monospace">
                  {what.action}
                </Text>
              </Table.Td>
              <Table.Td data-testid="audit-target">
                <Text size="sm">{what.params || '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={auditStatusColor(entry.status)}>
                  {entry.status}
                </Badge>
              </Table.Td>
              <Table.Td maw={420}>
                <Text size="xs">{auditBodySummary(entry.body) ?? ''}</Text>
                {entry.address && (
                  <Text size="xs" c="dimmed">
                    {t('audit.from', { address: entry.address })}
                  </Text>
                )}
                {body && (
                  <details>
                    <summary>
                      <Text span size="xs" c="dimmed">
                        {t('audit.body')}
                      </Text>
                    </summary>
                    <Code block>{body}</Code>
                  </details>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
