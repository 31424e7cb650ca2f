import { ActionIcon, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFlows } from '../api/queries';
import { SAFE_MODE_OPTIONS, type SafeModeForm } from './safe-mode-form';

type Rows = SafeModeForm['flows'];

/** The flows with a safe mode of their own: a flow and its mode per row, added and removed freely until saved. */
export function SafeModeFlowRows({ rows, onChange, errorOf }: { rows: Rows; onChange: (rows: Rows) => void; errorOf: (index: number) => string | undefined }) {
  const { t } = useTranslation();
  const flows = useFlows();
  const flowOptions = (flows.data ?? []).map((flow) => ({ value: flow.id, label: flow.name }));
  const modeOptions = SAFE_MODE_OPTIONS.map((mode) => ({ value: mode, label: t(`safeMode.modes.${mode}`) }));
  const changeRow = (index: number, change: Partial<Rows[number]>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <Stack gap="xs">
      {rows.length === 0 && <Text size="sm">{t('safeMode.noFlows')}</Text>}
      {rows.map((row, index) => (
        <Group key={index} align="flex-start" data-testid="safe-mode-flow-row">
          <Select
            label={t('safeMode.flow')}
            searchable
            // A flow the list does not know (deleted?) still shows, rather than a blank.
            data={row.flowId && !flowOptions.some((o) => o.value === row.flowId) ? [...flowOptions, { value: row.flowId, label: row.flowId }] : flowOptions}
            value={row.flowId}
            error={errorOf(index)}
            onChange={(flowId) => changeRow(index, { flowId })}
            w={320}
            data-testid="safe-mode-flow"
          />
          <Select
            label={t('safeMode.flowMode')}
            data={modeOptions}
            value={row.mode}
            allowDeselect={false}
            onChange={(mode) => mode && changeRow(index, { mode: mode as Rows[number]['mode'] })}
            w={220}
            data-testid="safe-mode-flow-mode"
          />
          <ActionIcon variant="subtle" color="red" mt={28} aria-label={t('safeMode.removeFlow')} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...rows, { flowId: null, mode: 'always' }])}
          data-testid="safe-mode-add-flow"
        >
          {t('safeMode.addFlow')}
        </Button>
      </Group>
    </Stack>
  );
}
