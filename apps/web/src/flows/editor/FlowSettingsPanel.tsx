import { Stack, Switch, Text } from '@mantine/core';
import type { Flow } from '@dunning/flow';
import { useTranslation } from 'react-i18next';

/** The flow's own settings (not a step's): whether its running invoices follow their solvency band to another flow. */
export function FlowSettingsPanel({ flow, onChange }: { flow: Flow; onChange: (flow: Flow, tag?: string) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Text size="sm" fw={600}>
        {t('flowSteps.settings.title')}
      </Text>
      <Switch
        data-testid="flow-reroute"
        label={t('flowSteps.settings.reroute')}
        description={t('flowSteps.settings.rerouteHelp')}
        checked={flow.rerouteOnScoreChange}
        onChange={(e) => onChange({ ...flow, rerouteOnScoreChange: e.currentTarget.checked })}
      />
    </Stack>
  );
}
