import { Alert, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateExperiment, useExperiments } from '../api/experiments-queries';
import { useAssignments, useFlows } from '../api/queries';
import { describeError, reasonInWords } from '../common/errors';
import { notifySuccess } from '../common/notify';
import { inPriorityOrder } from '../settings/assignment-rules';
import { ruleInWords } from '../settings/rule-words';
import { ArmFields } from './ArmFields';
import { MAX_ARMS, MAX_NAME_LENGTH, MIN_ARMS, addArm, changeArm, draftProblems, formFields, newDraft, placeRefusal, removeArm, toBody } from './experiment-form';
import { armShares } from './experiment-numbers';

/** A new experiment: its name, the assignment rule whose invoices it splits, and 2 to 5 arms. */
export function ExperimentForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const rules = useAssignments();
  const flows = useFlows();
  const experiments = useExperiments();
  const create = useCreateExperiment();
  const [draft, setDraft] = useState(newDraft);
  const [tried, setTried] = useState(false);

  const fields = formFields(draft);
  const refusal = placeRefusal(create.error, fields);
  const errors: Record<string, string> = {};
  if (tried) for (const [field, problem] of Object.entries(draftProblems(draft))) errors[field] = t(problem.key, problem.values);
  for (const [field, message] of Object.entries(refusal.byField)) errors[field] = reasonInWords(message, t);
  if (refusal.ruleBusy) errors.ruleId = t('experiments.problems.ruleBusy');

  const update = (next: typeof draft) => {
    setDraft(next);
    // What the API refused was about the draft as it was.
    if (create.isError) create.reset();
  };
  const flowName = (id: string) => flows.data?.find((flow) => flow.id === id)?.name ?? id;
  const busy = new Set((experiments.data ?? []).filter((e) => e.status === 'running' && e.ruleId).map((e) => e.ruleId!));
  const ruleOptions = inPriorityOrder(rules.data ?? []).map((rule) => ({
    value: rule.id,
    label: [
      t('experiments.form.ruleOption', { priority: rule.priority, rule: ruleInWords(rule, t, i18n.language), flow: flowName(rule.flowId) }),
      busy.has(rule.id) ? t('experiments.form.ruleBusy') : '',
    ]
      .filter(Boolean)
      .join(' '),
    disabled: busy.has(rule.id),
  }));
  const shares = armShares(draft.arms.map((arm) => Number(arm.weight) || 0));

  const submit = () => {
    setTried(true);
    const body = toBody(draft);
    if (!body) return;
    create.mutate(body, {
      onSuccess: (experiment) => {
        notifySuccess(t('experiments.form.created', { name: experiment.name }));
        onDone();
      },
    });
  };

  return (
    <Card withBorder data-testid="experiment-form">
      <Stack component="form" onSubmit={(e) => (e.preventDefault(), submit())}>
        <Title order={4}>{t('experiments.form.title')}</Title>
        <TextInput
          label={t('experiments.form.name')}
          description={t('experiments.form.nameHelp')}
          withAsterisk
          maxLength={MAX_NAME_LENGTH}
          value={draft.name}
          onChange={(e) => update({ ...draft, name: e.currentTarget.value })}
          error={errors.name}
          data-autofocus
        />
        <Select
          label={t('experiments.form.rule')}
          description={t('experiments.form.ruleHelp')}
          withAsterisk
          data={ruleOptions}
          value={draft.ruleId}
          onChange={(ruleId) => update({ ...draft, ruleId })}
          error={errors.ruleId}
          nothingFoundMessage={t('experiments.form.noRules')}
        />
        {rules.data?.length === 0 && (
          <Text size="sm" c="orange.9">
            {t('experiments.form.noRules')}
          </Text>
        )}
        {draft.arms.map((arm, index) => (
          <ArmFields
            key={arm.key}
            arm={arm}
            index={index}
            flows={flows.data ?? []}
            share={shares[index]!}
            errors={errors}
            canRemove={draft.arms.length > MIN_ARMS}
            onChange={(change) => update(changeArm(draft, index, change))}
            onRemove={() => update(removeArm(draft, index))}
          />
        ))}
        {errors.arms && (
          <Text size="sm" c="red.8">
            {errors.arms}
          </Text>
        )}
        <Group>
          <Button variant="light" onClick={() => update(addArm(draft))} disabled={draft.arms.length >= MAX_ARMS}>
            {t('experiments.form.addArm')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('experiments.form.armsHelp', { min: MIN_ARMS, max: MAX_ARMS })}
          </Text>
        </Group>
        {refusal.unplaced && (
          <Alert color="red" title={t(`errors.${describeError(create.error, t).kind}`)} data-testid="experiment-refused">
            {describeError(create.error, t).message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('experiments.form.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
