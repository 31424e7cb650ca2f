import { ActionIcon, Alert, Anchor, Button, Card, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAssignments, useFlows, useSaveAssignments } from '../api/queries';
import type { AssignmentRuleInput } from '../api/types';
import { notifySuccess, useNotifyError } from '../common/notify';
import { inPriorityOrder, isCatchAll, moved, toInputs, unreachable } from './assignment-rules';
import { RuleModal } from './RuleModal';
import { ruleInWords } from './rule-words';
import { Data } from '../common/Data';

/** The assignment rules, in the order they are tried, in words; moved, edited and deleted here (the whole list is saved at once). */
export function AssignmentRulesCard() {
  const { t, i18n } = useTranslation();
  const assignments = useAssignments();
  const flows = useFlows();
  const save = useSaveAssignments();
  const notifyError = useNotifyError();
  const [editing, setEditing] = useState<{ index: number | null } | undefined>();
  const [deleting, setDeleting] = useState<number | undefined>();
  const rules = toInputs(inPriorityOrder(assignments.data ?? []));
  const flowName = (id: string) => flows.data?.find((f) => f.id === id)?.name ?? id;
  const hidden = new Set(unreachable(rules));
  const store = (next: AssignmentRuleInput[], after?: () => void) =>
    save.mutate(toInputs(next), {
      onSuccess: () => {
        notifySuccess(t('adminSettings.rules.saved'));
        after?.();
      },
      onError: notifyError,
    });
  const saveRule = (rule: AssignmentRuleInput) => {
    const index = editing?.index ?? null;
    // A new rule goes just above the catch-all, if there is one (below it, it would never be used).
    const catchAll = rules.findIndex(isCatchAll);
    const next =
      index !== null
        ? rules.map((r, i) => (i === index ? { ...rule, experimentId: r.experimentId } : r))
        : catchAll >= 0 && !isCatchAll(rule)
          ? [...rules.slice(0, catchAll), rule, ...rules.slice(catchAll)]
          : [...rules, rule];
    store(next, () => setEditing(undefined));
  };
  return (
    <Card withBorder data-testid="assignment-rules">
      <Stack>
        <Text size="sm" fw={500}>
          {t('adminSettings.rules.explain')}
        </Text>
        {rules.length === 0 ? (
          <Text size="sm">{t('adminSettings.rules.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('adminSettings.rules.order')}</Table.Th>
                  <Table.Th>{t('adminSettings.rules.rule')}</Table.Th>
                  <Table.Th>{t('adminSettings.rules.flow')}</Table.Th>
                  <Table.Th>{t('adminSettings.rules.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rules.map((rule, index) => {
                  const words = ruleInWords(rule, t, i18n.language);
                  return (
                    <Table.Tr key={`${index}-${rule.flowId}`} data-testid="assignment-rule-row">
                      <Table.Td>{index + 1}</Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={isCatchAll(rule) ? 600 : undefined}>
                          {words}
                        </Text>
                        {hidden.has(index) && (
                          <Text size="xs" c="orange.9">
                            {t('adminSettings.rules.unreachable')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        → <Data>{flowName(rule.flowId)}</Data>
                        {rule.experimentId && (
                          <Anchor component={Link} to={`/flows/experiments/${rule.experimentId}`} size="xs" display="block">
                            {t('experiments.ruleInExperiment')}
                          </Anchor>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <ActionIcon
                            variant="subtle"
                            disabled={index === 0 || save.isPending}
                            onClick={() => store(moved(rules, index, -1))}
                            aria-label={`${t('adminSettings.rules.moveUp')} — ${words}`}
                          >
                            <IconArrowUp size={16} aria-hidden />
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            disabled={index === rules.length - 1 || save.isPending}
                            onClick={() => store(moved(rules, index, 1))}
                            aria-label={`${t('adminSettings.rules.moveDown')} — ${words}`}
                          >
                            <IconArrowDown size={16} aria-hidden />
                          </ActionIcon>
                          <ActionIcon variant="subtle" onClick={() => setEditing({ index })} aria-label={`${t('adminSettings.rules.edit')} — ${words}`}>
                            <IconPencil size={16} aria-hidden />
                          </ActionIcon>
                          <ActionIcon variant="subtle" color="red" onClick={() => setDeleting(index)} aria-label={`${t('adminSettings.rules.delete')} — ${words}`}>
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {rules.length > 0 && !rules.some(isCatchAll) && (
          <Alert color="orange" variant="light">
            {t('adminSettings.rules.noCatchAll')}
          </Alert>
        )}
        <Group>
          <Button variant="light" onClick={() => setEditing({ index: null })} disabled={!flows.data} data-testid="add-rule">
            {t('adminSettings.rules.add')}
          </Button>
        </Group>
      </Stack>
      {editing && flows.data && (
        <RuleModal rule={editing.index !== null ? rules[editing.index] : undefined} flows={flows.data} onSave={saveRule} onClose={() => setEditing(undefined)} />
      )}
      <Modal opened={deleting !== undefined} onClose={() => setDeleting(undefined)} title={t('adminSettings.rules.deleteTitle')}>
        {deleting !== undefined && rules[deleting] && (
          <Stack>
            <Text size="sm">{t('adminSettings.rules.deleteConfirm', { rule: `${ruleInWords(rules[deleting], t, i18n.language)} → ${flowName(rules[deleting].flowId)}` })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(undefined)}>
                {t('adminSettings.rules.cancel')}
              </Button>
              <Button
                color="red"
                loading={save.isPending}
                onClick={() =>
                  store(
                    rules.filter((_, i) => i !== deleting),
                    () => setDeleting(undefined),
                  )
                }
                data-testid="confirm-delete-rule"
              >
                {t('adminSettings.rules.delete')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}
