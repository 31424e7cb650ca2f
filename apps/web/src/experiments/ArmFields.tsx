import { Button, Fieldset, Group, NumberInput, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFlowVersions } from '../api/experiments-queries';
import type { FlowSummary } from '../api/types';
import { type ArmDraft, MAX_WEIGHT } from './experiment-form';
import { formatPercentValue } from './experiment-numbers';

/** One arm of the new experiment: a published flow, one of its versions (the latest first), its weight. */
export function ArmFields({
  arm,
  index,
  flows,
  share,
  errors,
  canRemove,
  onChange,
  onRemove,
}: {
  arm: ArmDraft;
  index: number;
  flows: FlowSummary[];
  /** Its share of the customers, in percent. */
  share: number;
  /** Problems by field path (`arms.1.flowVersion`). */
  errors: Record<string, string>;
  canRemove: boolean;
  onChange: (change: Partial<Omit<ArmDraft, 'key'>>) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const versions = useFlowVersions(arm.flowId);
  const published = flows.filter((flow) => flow.latestVersion !== null);
  const error = (field: string) => errors[`arms.${index}.${field}`];
  const name = t('experiments.arm', { key: arm.key });
  // Until the flow's versions arrive, its latest (already known from the list) is the one offered.
  const latest = published.find((flow) => flow.id === arm.flowId)?.latestVersion ?? null;
  const versionNumbers = versions.data ?? (latest !== null ? [latest] : []);
  return (
    <Fieldset legend={name} data-testid={`arm-${arm.key}`}>
      {error('key') && (
        <Text size="sm" c="red.8" mb="xs">
          {error('key')}
        </Text>
      )}
      <Group align="flex-start" wrap="wrap">
        <Select
          label={t('experiments.form.flow')}
          withAsterisk
          searchable
          w={300}
          data={published.map((flow) => ({ value: flow.id, label: flow.name }))}
          value={arm.flowId}
          onChange={(flowId) => onChange({ flowId, flowVersion: published.find((flow) => flow.id === flowId)?.latestVersion ?? null })}
          error={error('flowId')}
          nothingFoundMessage={t('experiments.form.noFlow')}
        />
        <Select
          label={t('experiments.form.version')}
          withAsterisk
          w={160}
          disabled={!arm.flowId}
          data={versionNumbers.map((version) => ({ value: String(version), label: t('experiments.form.versionOption', { version }) }))}
          value={arm.flowVersion === null ? null : String(arm.flowVersion)}
          onChange={(value) => onChange({ flowVersion: value === null ? null : Number(value) })}
          allowDeselect={false}
          error={error('flowVersion')}
        />
        <NumberInput
          label={t('experiments.form.weight')}
          description={t('experiments.form.share', { share: formatPercentValue(share, i18n.language) })}
          withAsterisk
          w={160}
          min={1}
          max={MAX_WEIGHT}
          allowDecimal={false}
          allowNegative={false}
          value={arm.weight}
          onChange={(weight) => onChange({ weight })}
          error={error('weight')}
        />
        {canRemove && (
          <Button variant="subtle" color="red" mt={24} onClick={onRemove}>
            {t('experiments.form.removeArm', { key: arm.key })}
          </Button>
        )}
      </Group>
    </Fieldset>
  );
}
