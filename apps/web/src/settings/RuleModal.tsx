import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { SCORE_BANDS, SCORE_BAND_RANGES, type ScoreBand } from '@dunning/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentRuleInput, FlowSummary } from '../api/types';
import { toDecimalText, toMinorUnits } from '../common/format';
import { bandOf } from './assignment-rules';

type BandChoice = ScoreBand | 'any' | 'custom';

/** One rule in plain fields: the flow, amounts in euros, a score band, the customer segment. */
export function RuleModal({
  rule,
  flows,
  onSave,
  onClose,
}: {
  rule?: AssignmentRuleInput;
  flows: FlowSummary[];
  onSave: (rule: AssignmentRuleInput) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [flowId, setFlowId] = useState<string | null>(rule?.flowId ?? null);
  const [amountMin, setAmountMin] = useState(rule?.amountMin != null ? toDecimalText(rule.amountMin).replace('.', ',') : '');
  const [amountMax, setAmountMax] = useState(rule?.amountMax != null ? toDecimalText(rule.amountMax).replace('.', ',') : '');
  const initialBand: BandChoice = rule?.riskMin == null && rule?.riskMax == null ? 'any' : (bandOf(rule?.riskMin ?? 1, rule?.riskMax ?? 10) ?? 'custom');
  const [band, setBand] = useState<BandChoice>(initialBand);
  const [scoreMin, setScoreMin] = useState<number | string>(rule?.riskMin ?? 1);
  const [scoreMax, setScoreMax] = useState<number | string>(rule?.riskMax ?? 10);
  const [segment, setSegment] = useState(rule?.segment ?? '');

  const min = amountMin.trim() ? toMinorUnits(amountMin) : null;
  const max = amountMax.trim() ? toMinorUnits(amountMax) : null;
  const amountError = (value: number | null | undefined) => (value === undefined ? t('adminSettings.rules.amountInvalid') : undefined);
  const orderError = min != null && max != null && min > max ? t('adminSettings.rules.minAboveMax') : undefined;
  const scoreError = band === 'custom' && Number(scoreMin) > Number(scoreMax) ? t('adminSettings.rules.scoreOrder') : undefined;
  const risk =
    band === 'any'
      ? { riskMin: null, riskMax: null }
      : band === 'custom'
        ? { riskMin: Number(scoreMin), riskMax: Number(scoreMax) }
        : { riskMin: SCORE_BAND_RANGES[band].min, riskMax: SCORE_BAND_RANGES[band].max };
  const valid = flowId !== null && min !== undefined && max !== undefined && !orderError && !scoreError;
  const noConditions = min == null && max == null && band === 'any' && !segment.trim();
  const published = flows.filter((f) => f.latestVersion !== null).map((f) => ({ value: f.id, label: f.name }));
  const bandOptions = [
    { value: 'any', label: t('adminSettings.rules.anyScore') },
    ...SCORE_BANDS.map((b) => ({
      value: b,
      label: t('adminSettings.rules.bandOption', { band: t(`solvency.bands.${b}`), min: SCORE_BAND_RANGES[b].min, max: SCORE_BAND_RANGES[b].max }),
    })),
    { value: 'custom', label: t('adminSettings.rules.customScore') },
  ];
  const submit = () => {
    if (!valid) return;
    onSave({
      flowId: flowId!,
      priority: rule?.priority ?? 0,
      ...risk,
      segment: segment.trim() || null,
      amountMin: min ?? null,
      amountMax: max ?? null,
      currency: min != null || max != null ? 'EUR' : null,
    });
  };
  return (
    <Modal opened onClose={onClose} title={rule ? t('adminSettings.rules.editTitle') : t('adminSettings.rules.addTitle')} size="lg">
      <Stack component="form" onSubmit={(e) => (e.preventDefault(), submit())}>
        <Select
          label={t('adminSettings.rules.flowPick')}
          description={t('adminSettings.rules.flowHelp')}
          withAsterisk
          data={published}
          value={flowId}
          onChange={setFlowId}
          searchable
          data-autofocus
          data-testid="rule-flow"
        />
        <SimpleGrid cols={2}>
          <TextInput
            label={t('adminSettings.rules.amountMin')}
            description={t('adminSettings.rules.amountHelp')}
            inputMode="decimal"
            value={amountMin}
            onChange={(e) => setAmountMin(e.currentTarget.value)}
            error={amountError(min)}
            rightSection="€"
            data-testid="rule-amount-min"
          />
          <TextInput
            label={t('adminSettings.rules.amountMax')}
            description={t('adminSettings.rules.amountHelp')}
            inputMode="decimal"
            value={amountMax}
            onChange={(e) => setAmountMax(e.currentTarget.value)}
            error={amountError(max) ?? orderError}
            rightSection="€"
            data-testid="rule-amount-max"
          />
        </SimpleGrid>
        <Select
          label={t('adminSettings.rules.scoreBand')}
          data={bandOptions}
          value={band}
          onChange={(b) => b && setBand(b as BandChoice)}
          allowDeselect={false}
          data-testid="rule-score-band"
        />
        {band === 'custom' && (
          <SimpleGrid cols={2}>
            <NumberInput label={t('adminSettings.rules.scoreMin')} min={1} max={10} allowDecimal={false} value={scoreMin} onChange={setScoreMin} data-testid="rule-score-min" />
            <NumberInput
              label={t('adminSettings.rules.scoreMax')}
              min={1}
              max={10}
              allowDecimal={false}
              value={scoreMax}
              onChange={setScoreMax}
              error={scoreError}
              data-testid="rule-score-max"
            />
          </SimpleGrid>
        )}
        <TextInput
          label={t('adminSettings.rules.segment')}
          description={t('adminSettings.rules.segmentHelp')}
          value={segment}
          onChange={(e) => setSegment(e.currentTarget.value)}
          data-testid="rule-segment"
        />
        {noConditions && (
          <Alert color="blue" variant="light">
            {t('adminSettings.rules.conditionsNone')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('adminSettings.rules.cancel')}
          </Button>
          <Button type="submit" disabled={!valid} data-testid="save-rule">
            {t('adminSettings.rules.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
