import { Alert, Button, Divider, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { LOCALES, type Locale, type TemplateChannel } from '@dunning/domain';
import type { FlowNode, FlowProblem } from '@dunning/flow';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTemplatePreview } from '../../api/queries';
import { issueSentence } from '../forms/issues';
import { TEMPLATE_CHANNEL, stepWidgets } from '../forms/step-widgets';
import { SchemaForm } from './SchemaForm';
import { dataSchemaOf } from './node-kinds';
import { optionWords, stepAbout, stepFieldWords } from './step-words';

/** Edits the selected step: its label and its data (a form from its zod schema), with a live template preview. */
export function StepPanel({ step, problems, onChange, onDelete }: { step: FlowNode; problems: FlowProblem[]; onChange: (step: FlowNode) => void; onDelete: () => void }) {
  const { t, i18n } = useTranslation();
  const channel = TEMPLATE_CHANNEL[step.kind];
  // The words follow the language (t changes with it).
  const words = useMemo(() => stepFieldWords(step.kind, t), [step.kind, t, i18n.language]);
  const widgets = useMemo(() => stepWidgets(step.kind, (issue) => issueSentence(step.kind, issue, t)), [step.kind, t, i18n.language]);
  const templateField = step.kind === 'call_task' ? 'script' : 'template';
  const templateName = channel ? ((step.data as Record<string, unknown>)[templateField] as string | undefined) : undefined;
  return (
    <Stack gap="sm">
      <Title order={5} data-step-id={step.id}>
        {t(`nodes.${step.kind}`)}
      </Title>
      <Text size="xs" c="dimmed" data-testid="step-about">
        {stepAbout(step.kind, t)}
      </Text>
      {problems.map((p, i) => (
        <Alert key={i} color="red" p="xs" data-testid="panel-problem">
          {p.message}
        </Alert>
      ))}
      <TextInput label={t('flowSteps.label')} value={step.label ?? ''} onChange={(e) => onChange({ ...step, label: e.currentTarget.value || undefined })} />
      <SchemaForm
        schema={dataSchemaOf(step.kind)}
        value={step.data as Record<string, unknown>}
        onChange={(data) => onChange({ ...step, data } as FlowNode)}
        labels={words.labels}
        descriptions={words.help}
        optionLabel={(field, value) => optionWords(field, value, t)}
        widgets={widgets}
        issueText={(issue) => issueSentence(step.kind, issue, t)}
      />
      {channel && templateName && <TemplatePreview channel={channel} name={templateName} />}
      <Divider />
      <Button color="red" variant="light" onClick={onDelete}>
        {t('flows.delete')}
      </Button>
    </Stack>
  );
}

function TemplatePreview({ channel, name }: { channel: TemplateChannel; name: string }) {
  const { t } = useTranslation();
  const [locale, setLocale] = useState<Locale>('fr');
  const preview = useTemplatePreview(channel, name, locale);
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {t('flows.preview')}
        </Text>
        <SegmentedControl
          size="xs"
          value={locale}
          onChange={(v) => setLocale((current) => LOCALES.find((l) => l === v) ?? current)}
          data={LOCALES.map((l) => ({ value: l, label: l.toUpperCase() }))}
        />
      </Group>
      {preview.isError && <Alert color="red">{(preview.error as Error).message}</Alert>}
      {preview.data?.subject && (
        <Text size="sm" fw={600}>
          {preview.data.subject}
        </Text>
      )}
      {preview.data?.html ? (
        <iframe title={t('flows.preview')} sandbox="" srcDoc={preview.data.html} style={{ width: '100%', height: 260, border: '1px solid var(--mantine-color-gray-3)' }} />
      ) : preview.data?.body ? (
        channel === 'letter' ? (
          <iframe title={t('flows.preview')} sandbox="" srcDoc={preview.data.body} style={{ width: '100%', height: 260, border: '1px solid var(--mantine-color-gray-3)' }} />
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="sms-preview">
            {preview.data.body}
          </Text>
        )
      ) : null}
    </Stack>
  );
}
