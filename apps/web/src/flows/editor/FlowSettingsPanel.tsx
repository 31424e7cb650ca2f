import { Stack, Switch, Text } from '@mantine/core';
import type { Flow } from '@dunning/flow';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TimeField } from '../forms/Pickers';
import { WeekdaysField } from '../forms/WeekdaysField';
import { type SchemaIssue, issueInWords } from '../forms/issues';
import { FLOW_SETTING_PARTS, type SettingsPart as Part, settingsOptionWords, settingsWords } from '../forms/settings-words';
import { SchemaForm, type Widget } from './SchemaForm';

const time = (name: string): Widget => ({
  render: ({ value, onChange, label, description, error }) => (
    <TimeField label={label} description={description} error={error} value={value[name] as string | undefined} onChange={(v) => onChange({ [name]: v })} />
  ),
});
const WINDOW_WIDGETS: Record<string, Widget> = {
  start: time('start'),
  end: time('end'),
  weekdays: {
    render: ({ value, onChange, label, description, error }) => (
      <WeekdaysField label={label} description={description} error={error} value={(value.weekdays as number[] | undefined) ?? []} onChange={(weekdays) => onChange({ weekdays })} />
    ),
  },
};

/** The flow's own settings (not a step's): when it may send, how it catches up, whether it follows the solvency band. */
export function FlowSettingsPanel({ flow, onChange }: { flow: Flow; onChange: (flow: Flow, tag?: string) => void }) {
  const { t, i18n } = useTranslation();
  const words = useMemo(() => ({ sendingWindow: settingsWords('sendingWindow', t), catchUp: settingsWords('catchUp', t) }), [t, i18n.language]);
  // Issues name the field by the part's own labels; the window closing before it opens says so.
  const issueText = (part: Part) => (issue: SchemaIssue) =>
    issue.code === 'custom' ? t('flowSteps.settings.sendingWindow.closesBeforeOpening') : issueInWords(issue, (path) => words[part].labels[String(path[0])] ?? String(path[0]), t);
  const partForm = (part: Part, widgets?: Record<string, Widget>) => (
    <SchemaForm
      schema={FLOW_SETTING_PARTS[part]}
      value={flow[part] as unknown as Record<string, unknown>}
      onChange={(value) => onChange({ ...flow, [part]: value } as Flow, `settings:${part}`)}
      labels={words[part].labels}
      descriptions={words[part].help}
      optionLabel={(field, value) => settingsOptionWords(part, field, value, t)}
      widgets={widgets}
      issueText={issueText(part)}
    />
  );
  return (
    <Stack gap="sm">
      <Text size="sm" fw={600}>
        {t('flowSteps.settings.title')}
      </Text>
      <Text size="sm" fw={500}>
        {t('flowSteps.settings.sendingWindow.title')}
      </Text>
      {partForm('sendingWindow', WINDOW_WIDGETS)}
      <Text size="sm" fw={500}>
        {t('flowSteps.settings.catchUp.title')}
      </Text>
      {partForm('catchUp')}
      <Switch
        data-testid="flow-batch"
        label={t('flowSteps.settings.batch')}
        description={t('flowSteps.settings.batchHelp')}
        checked={flow.batchPerCustomer}
        onChange={(e) => onChange({ ...flow, batchPerCustomer: e.currentTarget.checked })}
      />
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
