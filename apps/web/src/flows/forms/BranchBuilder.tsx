import { ActionIcon, Button, Group, MultiSelect, Paper, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import type { Condition } from '@dunning/flow';
import { SCORE_BANDS } from '@dunning/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberField } from './NumberField';
import {
  CONDITION_FIELDS,
  LAST_OUTCOMES,
  type ConditionOp,
  bandOf,
  bandValue,
  conditionSummary,
  defaultCondition,
  opWords,
  opsOf,
  outcomeSlug,
  valueKindOf,
  withOp,
} from './conditions';
import type { SchemaIssue } from './issues';
import { amountMinor, amountText } from './money';

export interface BranchCase {
  outcome: string;
  when: Condition;
}

/**
 * A branch's cases as sentences: [Amount due] [is at least] [500,00 €] → path "large_amount". Fields,
 * operators and values come from libs/flow's condition schema, in words; amounts are typed in euros
 * and kept in cents; never raw JSON.
 */
export function BranchBuilder({
  label,
  description,
  cases,
  issues,
  issueText,
  onChange,
}: {
  label: string;
  description?: string;
  cases: BranchCase[];
  issues: SchemaIssue[];
  issueText: (issue: SchemaIssue) => string;
  onChange: (cases: BranchCase[]) => void;
}) {
  const { t } = useTranslation();
  const errorAt = (index: number, part: string) => {
    const issue = issues.find((i) => i.path[1] === index && (part === 'outcome' ? i.path[2] === 'outcome' : i.path[2] === 'when' && (i.path[3] ?? 'field') === part));
    return issue && issueText(issue);
  };
  const whole = issues.find((i) => i.path.length <= 1);
  const set = (index: number, next: BranchCase) => onChange(cases.map((c, i) => (i === index ? next : c)));
  return (
    <Stack gap="xs" role="group" aria-label={label}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {description && (
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      )}
      {cases.map((c, index) => (
        <Paper key={index} withBorder p="xs" data-testid={`branch-case-${index}`}>
          <Stack gap={6}>
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                {t('stepForms.branch.case', { n: index + 1 })}
              </Text>
              <ActionIcon variant="subtle" color="red" aria-label={t('stepForms.branch.remove', { n: index + 1 })} onClick={() => onChange(cases.filter((_, i) => i !== index))}>
                ×
              </ActionIcon>
            </Group>
            <ConditionRow
              condition={c.when}
              errors={{ field: errorAt(index, 'field'), op: errorAt(index, 'op'), value: errorAt(index, 'value') }}
              onChange={(when) => set(index, { ...c, when })}
            />
            <TextInput
              label={t('stepForms.branch.outcome')}
              description={t('stepForms.branch.outcomeHelp')}
              value={c.outcome}
              error={errorAt(index, 'outcome')}
              onChange={(e) => set(index, { ...c, outcome: outcomeSlug(e.currentTarget.value) })}
            />
          </Stack>
        </Paper>
      ))}
      {whole && (
        <Text size="sm" c="red">
          {issueText(whole)}
        </Text>
      )}
      <Group justify="space-between">
        <Button variant="light" size="xs" onClick={() => onChange([...cases, { outcome: `case_${cases.length + 1}`, when: defaultCondition('amount') }])}>
          {t('stepForms.branch.add')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('stepForms.branch.otherwise')}
        </Text>
      </Group>
    </Stack>
  );
}

function ConditionRow({
  condition,
  errors,
  onChange,
}: {
  condition: Condition;
  errors: Record<'field' | 'op' | 'value', string | undefined>;
  onChange: (condition: Condition) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={4}>
      <Stack gap={4}>
        <Select
          label={t('stepForms.branch.field')}
          allowDeselect={false}
          data={CONDITION_FIELDS.map((f) => ({ value: f, label: t(`stepForms.conditions.fields.${f}`) }))}
          value={condition.field}
          error={errors.field}
          onChange={(v) => v && v !== condition.field && onChange(defaultCondition(CONDITION_FIELDS.find((f) => f === v) ?? 'amount'))}
        />
        <Select
          label={t('stepForms.branch.op')}
          allowDeselect={false}
          data={opsOf(condition.field).map((op) => ({ value: op, label: opWords(condition.field, op, t) }))}
          value={condition.op}
          error={errors.op}
          onChange={(v) => v && onChange(withOp(condition, v as ConditionOp))}
        />
      </Stack>
      <ConditionValue condition={condition} error={errors.value} onChange={onChange} />
      <Text size="xs" c="dimmed" data-testid="condition-summary">
        {conditionSummary(condition, t, i18n.language)}
      </Text>
    </Stack>
  );
}

function ConditionValue({ condition, error, onChange }: { condition: Condition; error?: string; onChange: (condition: Condition) => void }) {
  const { t } = useTranslation();
  const label = t('stepForms.branch.value');
  const put = (value: Condition['value']) => onChange({ ...condition, value } as Condition);
  switch (valueKindOf(condition.field)) {
    case 'money':
      return <AmountInput label={label} minor={condition.value as number} error={error} onChange={put} />;
    case 'days':
      return <NumberField label={label} value={condition.value as number} int min={0} suffix={t('stepForms.branch.daysUnit')} error={error} onChange={(v) => put(v as number)} />;
    case 'score': {
      const band = bandOf(condition.op, condition.value as number);
      if ((condition.op === 'lte' || condition.op === 'gte') && (band || condition.value === undefined)) {
        const op = condition.op;
        return (
          <Select
            label={label}
            allowDeselect={false}
            data={SCORE_BANDS.map((b) => ({ value: b, label: t(`scoreBands.${b}`) }))}
            value={band ?? null}
            error={error}
            onChange={(v) => {
              const picked = SCORE_BANDS.find((b) => b === v);
              if (picked) put(bandValue(op, picked));
            }}
          />
        );
      }
      return (
        <NumberField
          label={label}
          description={t('stepForms.branch.scoreHelp')}
          value={condition.value as number}
          int
          min={1}
          max={10}
          error={error}
          onChange={(v) => put(v as number)}
        />
      );
    }
    case 'outcome': {
      const data = LAST_OUTCOMES.map((o) => ({ value: o, label: t(`stepForms.conditions.outcomes.${o}`) }));
      if (condition.op === 'in')
        return (
          <MultiSelect label={label} placeholder={t('stepForms.branch.pickOutcomes')} data={data} value={condition.value as string[]} error={error} onChange={(v) => put(v)} />
        );
      return <Select label={label} allowDeselect={false} data={data} value={(condition.value as string) || null} error={error} onChange={(v) => v && put(v)} />;
    }
    default:
      if (condition.op === 'in')
        return <TagsInput label={label} placeholder={t('stepForms.branch.segments')} value={condition.value as string[]} error={error} onChange={(v) => put(v)} />;
      return <TextInput label={label} value={condition.value as string} error={error} onChange={(e) => put(e.currentTarget.value)} />;
  }
}

/** An amount typed in euros ("500", "1 234,56") and kept in integer cents; shown back in the user's language. */
function AmountInput({ label, minor, error, onChange }: { label: string; minor: number | undefined; error?: string; onChange: (minor: number) => void }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState(minor === undefined ? '' : amountText(minor, i18n.language));
  useEffect(() => {
    if (minor !== undefined && amountMinor(text) !== minor) setText(amountText(minor, i18n.language));
  }, [minor, i18n.language]);
  const invalid = text.trim() !== '' && amountMinor(text) === undefined;
  return (
    <TextInput
      label={label}
      description={t('stepForms.branch.amountHelp')}
      inputMode="decimal"
      rightSection="€"
      value={text}
      error={invalid ? t('stepForms.branch.notAnAmount') : error}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const value = amountMinor(next);
        if (value !== undefined) onChange(value);
      }}
      onBlur={() => minor !== undefined && !invalid && setText(amountText(minor, i18n.language))}
    />
  );
}
