import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MigrationPreview, type MigrationPreviewBody, useMigrationPreview } from '../../api/flow-migrations-queries';
import type { FlowVersion } from '../../api/types';
import { describeError } from '../../common/errors';
import { MigrationApply } from './MigrationApply';
import { MigrationInvoicesTable } from './MigrationInvoicesTable';
import { MigrationMappingTable } from './MigrationMappingTable';
import { MigrationMoves } from './MigrationMoves';
import { type Overrides, chooseTarget, defaultVersions, moveTotals, placeProblems, previewBody } from './migration-preview';

/**
 * "Move running invoices": the running version and the target version (the newest by default),
 * then the dry run — where each step's invoices would go (changed by hand step by step), how many
 * invoices per move, and each invoice with its next step before and after — and applying it, with
 * the body of the dry run shown.
 */
export function MigrationPanel({ flowId, versions }: { flowId: string; versions: FlowVersion[] }) {
  const { t } = useTranslation();
  const numbers = versions.map((v) => v.version).sort((a, b) => b - a);
  const [initial] = useState(() => defaultVersions(numbers));
  const [from, setFrom] = useState<number | null>(initial.from);
  const [to, setTo] = useState<number | null>(initial.to);
  const [overrides, setOverrides] = useState<Overrides>({});
  const [result, setResult] = useState<MigrationPreview>();
  // What the shown dry run was asked with: applying sends the same, not choices made since.
  const [resultBody, setResultBody] = useState<MigrationPreviewBody>();
  const preview = useMigrationPreview(flowId);
  const graphOf = (version: number | null) => versions.find((v) => v.version === version)?.graph;
  const choices = numbers.map((version) => ({ value: String(version), label: t('versionDiff.version', { version }) }));

  const same = from !== null && from === to;
  const placed = placeProblems(preview.error, result?.mapping.map((m) => m.step) ?? [], t);
  const errors: Record<string, string> = { ...placed.byField, ...(same ? { toVersion: t('flowMigration.problems.sameVersion') } : {}) };

  const run = (next: Overrides) => {
    const body = previewBody(from, to, next, graphOf(from));
    // Of several answers on their way, only the last asked for is shown (TanStack calls back for the latest only).
    if (body)
      preview.mutate(body, {
        onSuccess: (answer) => {
          setResult(answer);
          setResultBody(body);
        },
      });
  };
  const forget = () => {
    setResult(undefined);
    setResultBody(undefined);
    preview.reset();
  };
  const pick = (which: 'from' | 'to', value: string | null) => {
    if (value === null) return;
    (which === 'from' ? setFrom : setTo)(Number(value));
    // Choices by hand and answers were about the versions as they were.
    setOverrides({});
    forget();
  };
  const choose = (step: string, value: string | null) => {
    const next = chooseTarget(overrides, step, value);
    if (next === overrides) return;
    setOverrides(next);
    run(next);
  };
  const shown = result && { from: result.fromVersion, to: result.toVersion };

  return (
    <Stack gap="xs" data-testid="migration">
      <Text fw={600} component="h3" size="sm" m={0}>
        {t('flowMigration.title')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('flowMigration.intro')}
      </Text>
      <Group grow align="flex-start">
        <Select
          size="xs"
          label={t('flowMigration.from')}
          data={choices}
          value={from === null ? null : String(from)}
          onChange={(value) => pick('from', value)}
          allowDeselect={false}
          error={errors.fromVersion}
          data-testid="migration-from"
        />
        <Select
          size="xs"
          label={t('flowMigration.to')}
          data={choices}
          value={to === null ? null : String(to)}
          onChange={(value) => pick('to', value)}
          allowDeselect={false}
          error={errors.toVersion}
          data-testid="migration-to"
        />
      </Group>
      <Group gap="xs">
        <Button size="xs" variant="light" onClick={() => run(overrides)} disabled={!previewBody(from, to, overrides)} loading={preview.isPending} data-testid="migration-run">
          {t('flowMigration.run')}
        </Button>
        {result && Object.keys(overrides).length > 0 && (
          <Button
            size="xs"
            variant="subtle"
            onClick={() => {
              setOverrides({});
              run({});
            }}
            data-testid="migration-reset"
          >
            {t('flowMigration.reset')}
          </Button>
        )}
      </Group>
      {preview.isError && placed.unplaced && (
        <Alert color="red" title={t(`errors.${describeError(preview.error, t).kind}`)} data-testid="migration-error">
          {describeError(preview.error, t).message}
        </Alert>
      )}
      {result && shown && (
        <Stack gap="xs" data-testid="migration-result">
          <Text fw={600} size="sm" component="h4" m={0}>
            {t('flowMigration.mappingTitle')}
          </Text>
          <MigrationMappingTable
            mapping={result.mapping}
            versions={shown}
            toGraph={graphOf(shown.to)}
            overrides={overrides}
            errors={errors}
            busy={preview.isPending}
            onChoose={choose}
          />
          {result.invoices.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="migration-empty">
              {t('flowMigration.empty', { version: shown.from })}
            </Text>
          ) : (
            <>
              <Text fw={600} size="sm" component="h4" m={0}>
                {t('flowMigration.movesTitle')}
              </Text>
              <MigrationMoves counts={result.counts} versions={shown} fromGraph={graphOf(shown.from)} toGraph={graphOf(shown.to)} />
              <Text fw={600} size="sm" component="h4" m={0}>
                {t('flowMigration.invoicesTitle')}
              </Text>
              <MigrationInvoicesTable
                key={`${shown.from}→${shown.to}`}
                invoices={result.invoices}
                mapping={result.mapping}
                datedInvoices={result.datedInvoices}
                versions={shown}
                fromGraph={graphOf(shown.from)}
                toGraph={graphOf(shown.to)}
              />
            </>
          )}
        </Stack>
      )}
      <MigrationApply
        flowId={flowId}
        body={result && resultBody}
        invoices={result?.invoices.length ?? 0}
        staying={result ? moveTotals(result.counts).staying : 0}
        busy={preview.isPending}
        onApplied={forget}
      />
    </Stack>
  );
}
