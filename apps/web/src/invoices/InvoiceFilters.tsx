import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { AGING_BUCKETS, RECEIVABLE_STATUSES } from '@dunning/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlows } from '../api/queries';
import { useLabels } from '../common/labels';
import { type FilterName, type InvoiceListFilter, amountProblems } from './invoice-filters';

/** A text filter typed freely: the URL follows 400 ms after the last key, and follows the URL back (the back button). */
function useTypedFilter(value: string | undefined, commit: (value: string) => void) {
  const [draft, setDraft] = useState(value ?? '');
  const [settled] = useDebouncedValue(draft, 400);
  useEffect(() => setDraft(value ?? ''), [value]);
  useEffect(() => {
    if ((settled.trim() || undefined) !== value) commit(settled);
    // Only a settled draft commits: a URL change (back button) resets the draft instead.
  }, [settled]);
  return [draft, setDraft] as const;
}

/** The invoice list's filters: customer or number, status, flow and its current step, balance in euros, aging bucket. */
export function InvoiceFilters({ filter, onChange, onClear }: { filter: InvoiceListFilter; onChange: (name: FilterName, value: string | null) => void; onClear: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const flows = useFlows();
  const [q, setQ] = useTypedFilter(filter.q, (v) => onChange('q', v));
  const [min, setMin] = useTypedFilter(filter.min, (v) => onChange('min', v));
  const [max, setMax] = useTypedFilter(filter.max, (v) => onChange('max', v));
  const wrong = amountProblems(filter);
  const flow = (flows.data ?? []).find((f) => f.id === filter.flowId);
  const nodes = ((flow?.draftGraph as { nodes?: Array<{ id: string; kind: string; label?: string }> } | undefined)?.nodes ?? []).filter((n) => n.kind !== 'start');
  const empty = !Object.entries(filter).some(([name, value]) => name !== 'page' && value);
  return (
    <Group align="end" gap="sm" role="search" aria-label={t('invoiceFilters.label')}>
      <TextInput
        label={t('invoiceFilters.search')}
        placeholder={t('invoiceFilters.searchPlaceholder')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        w={220}
        data-testid="filter-search"
      />
      <Select
        label={t('invoiceFilters.status')}
        clearable
        data={RECEIVABLE_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
        value={filter.status ?? null}
        onChange={(v) => onChange('status', v)}
        w={180}
      />
      <Select
        label={t('invoiceFilters.flow')}
        clearable
        data={(flows.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
        value={filter.flowId ?? null}
        onChange={(v) => onChange('flowId', v)}
        w={200}
      />
      <Select
        label={t('invoiceFilters.step')}
        description={filter.flowId ? undefined : t('invoiceFilters.stepHelp')}
        clearable
        disabled={!filter.flowId && !filter.step}
        data={[
          ...nodes.map((n) => ({ value: n.id, label: n.label ?? labels.node(n.kind) })),
          ...(filter.step && !nodes.some((n) => n.id === filter.step) ? [{ value: filter.step, label: filter.step }] : []),
        ]}
        value={filter.step ?? null}
        onChange={(v) => onChange('step', v)}
        w={200}
      />
      <TextInput
        label={t('invoiceFilters.min')}
        inputMode="decimal"
        value={min}
        onChange={(e) => setMin(e.currentTarget.value)}
        error={wrong.includes('min') ? t('invoiceFilters.amountHint') : undefined}
        w={150}
      />
      <TextInput
        label={t('invoiceFilters.max')}
        inputMode="decimal"
        value={max}
        onChange={(e) => setMax(e.currentTarget.value)}
        error={wrong.includes('max') ? t('invoiceFilters.amountHint') : undefined}
        w={150}
      />
      <Select
        label={t('invoiceFilters.bucket')}
        clearable
        data={AGING_BUCKETS.map((b) => ({ value: b, label: labels.bucket(b) }))}
        value={filter.bucket ?? null}
        onChange={(v) => onChange('bucket', v)}
        w={200}
      />
      <Button variant="subtle" disabled={empty} onClick={onClear} data-testid="clear-filters">
        {t('invoiceFilters.clear')}
      </Button>
    </Group>
  );
}
