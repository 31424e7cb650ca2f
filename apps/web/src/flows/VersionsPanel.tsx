import { Badge, Box, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAssignments, useSaveAssignments } from '../api/queries';
import type { AssignmentRuleInput, FlowVersion } from '../api/types';
import { diffFlows } from './flow-diff';
import { MigrationPanel } from './migration/MigrationPanel';
import { MigrationRuns } from './migration/MigrationRuns';

/** Published versions, what changed between two in words, moving running invoices between two (the dry run, applying it, the moves applied), and the rules that send invoices to this flow. */
export function VersionsPanel({ flowId, versions }: { flowId: string; versions: FlowVersion[] }) {
  const { t, i18n } = useTranslation();
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  const [left, setLeft] = useState<string | null>(sorted[1] ? String(sorted[1].version) : null);
  const [right, setRight] = useState<string | null>(sorted[0] ? String(sorted[0].version) : null);
  const a = versions.find((v) => String(v.version) === left);
  const b = versions.find((v) => String(v.version) === right);
  const diff = a && b ? diffFlows(a.graph, b.graph, t, i18n.language) : [];
  const choices = sorted.map((v) => ({ value: String(v.version), label: t('versionDiff.version', { version: v.version }) }));
  return (
    <Stack gap="sm">
      <Table>
        <Table.Tbody>
          {sorted.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>
                <Badge>v{v.version}</Badge>
              </Table.Td>
              <Table.Td>{new Date(v.publishedAt).toLocaleString(i18n.language)}</Table.Td>
              <Table.Td>{t('flows.steps', { count: v.graph.nodes.length })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text component={Link} to={`/invoices?flowId=${flowId}`} size="sm" c="indigo">
        {t('flows.runs')} →
      </Text>
      {versions.length > 1 && (
        <Stack gap="xs">
          <Text fw={600} component="h3" size="sm" m={0}>
            {t('versionDiff.title')}
          </Text>
          <Group grow>
            <Select label={t('versionDiff.from')} data={choices} value={left} onChange={setLeft} allowDeselect={false} data-testid="diff-from" />
            <Select label={t('versionDiff.to')} data={choices} value={right} onChange={setRight} allowDeselect={false} data-testid="diff-to" />
          </Group>
          {a && b && (
            <Box component="ul" m={0} pl="md" data-testid="version-diff" aria-label={t('versionDiff.title')}>
              {diff.length === 0 && (
                <Text component="li" size="sm" c="dark.4">
                  {t('versionDiff.none')}
                </Text>
              )}
              {diff.map((line, i) => (
                <Text
                  component="li"
                  key={i}
                  size="sm"
                  c={line.kind === 'removed' ? 'red.9' : line.kind === 'added' ? 'green.9' : 'dark.7'}
                  data-testid="diff-line"
                  data-kind={line.kind}
                >
                  {line.text}
                </Text>
              ))}
            </Box>
          )}
        </Stack>
      )}
      {versions.length > 1 && <MigrationPanel flowId={flowId} versions={versions} />}
      {versions.length > 1 && <MigrationRuns flowId={flowId} versions={versions} />}
      <AssignmentEditor flowId={flowId} />
    </Stack>
  );
}

function AssignmentEditor({ flowId }: { flowId: string }) {
  const { t } = useTranslation();
  const assignments = useAssignments();
  const save = useSaveAssignments();
  const [segment, setSegment] = useState('');
  const [riskMin, setRiskMin] = useState<number | ''>('');
  const [riskMax, setRiskMax] = useState<number | ''>('');
  const [priority, setPriority] = useState<number>(0);
  const mine = (assignments.data ?? []).filter((r) => r.flowId === flowId);
  const assign = () => {
    const rule: AssignmentRuleInput = { flowId, priority, segment: segment || null, riskMin: riskMin === '' ? null : riskMin, riskMax: riskMax === '' ? null : riskMax };
    save.mutate([rule, ...(assignments.data ?? [])], {
      onSuccess: () => notifications.show({ message: t('flows.saveRule'), color: 'green' }),
      onError: (e) => notifications.show({ message: (e as Error).message, color: 'red' }),
    });
  };
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('flows.assign')}</Text>
      {mine.map((r, i) => (
        <Text key={i} size="sm" data-testid="assignment-rule">
          #{r.priority}: {r.segment ? `${t('flows.segment')} = ${r.segment}` : ''} {r.riskMin || r.riskMax ? t('flows.risk', { min: r.riskMin ?? 1, max: r.riskMax ?? 10 }) : ''}
        </Text>
      ))}
      <Group grow>
        <TextInput label={t('flows.segment')} value={segment} onChange={(e) => setSegment(e.currentTarget.value)} data-testid="assign-segment" />
        <NumberInput label={t('flows.priority')} value={priority} onChange={(v) => setPriority(Number(v) || 0)} />
      </Group>
      <Group grow>
        <NumberInput label={t('flows.riskMin')} min={1} max={10} value={riskMin} onChange={(v) => setRiskMin(v === '' ? '' : Number(v))} />
        <NumberInput label={t('flows.riskMax')} min={1} max={10} value={riskMax} onChange={(v) => setRiskMax(v === '' ? '' : Number(v))} />
      </Group>
      <Button variant="light" onClick={assign} loading={save.isPending} data-testid="assign">
        {t('flows.saveRule')}
      </Button>
    </Stack>
  );
}
