import { ActionIcon, Alert, Button, Card, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLateRateAction } from '../api/queries';
import type { Settings } from '../api/types';
import { formatDate, formatPercent } from '../common/format';
import { notifySuccess, useNotifyError } from '../common/notify';
import { halfYearOf, halfYearStart, legalRatePercent, newestFirst, parsePercent } from './late-rates';

/**
 * The ECB rates by half-year that make the legal late-interest rate (ECB + 10 points, Code de
 * commerce L441-10 II), today's legal rate, and a warning when the current half-year's is missing.
 */
export function LateRatesCard({ settings }: { settings: Settings }) {
  const { t, i18n } = useTranslation();
  const rates = useLateRateAction();
  const notifyError = useNotifyError();
  const now = halfYearOf(new Date().toISOString().slice(0, 10));
  const [year, setYear] = useState<number | string>(now.year);
  const [half, setHalf] = useState<string>(String(now.half));
  const [ecb, setEcb] = useState('');
  const ecbRate = parsePercent(ecb);
  const legal = settings.legalLateRateToday;
  const date = (d: string) => formatDate(d, i18n.language);
  const put = () =>
    ecbRate !== undefined &&
    rates.mutate(
      { put: { from: halfYearStart(Number(year), half === '1' ? 1 : 2), ecbRatePercent: ecbRate } },
      { onSuccess: () => (notifySuccess(t('settings.rateSaved')), setEcb('')), onError: notifyError },
    );
  return (
    <Card withBorder data-testid="late-rates">
      <Stack>
        <div>
          <Title order={5}>{t('settings.lateRates')}</Title>
          <Text size="xs" c="dimmed">
            {t('settings.lateRatesHelp')}
          </Text>
        </div>
        {legal ? (
          <Text fw={600} data-testid="legal-rate-today">
            {t('settings.today', { rate: formatPercent(legal.ratePercent, i18n.language), from: date(legal.from) })}
          </Text>
        ) : (
          <Alert color="red">{t('settings.noRate')}</Alert>
        )}
        {legal?.missingHalfYear && (
          <Alert color="orange" data-testid="missing-half-year">
            {t('settings.missing', { date: date(legal.missingHalfYear), from: date(legal.from) })}
          </Alert>
        )}
        <Table maw={560} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.halfYear')}</Table.Th>
              <Table.Th ta="right">{t('settings.ecbRate')}</Table.Th>
              <Table.Th ta="right">{t('settings.legalRate')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {newestFirst(settings.lateRates).map((rate) => (
              <Table.Tr key={rate.from} data-testid="late-rate">
                <Table.Td>{date(rate.from)}</Table.Td>
                <Table.Td ta="right">{formatPercent(rate.ecbRatePercent, i18n.language)}</Table.Td>
                <Table.Td ta="right">{formatPercent(legalRatePercent(rate.ecbRatePercent), i18n.language)}</Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`${t('common.delete')} ${rate.from}`}
                    onClick={() => rates.mutate({ delete: rate.from }, { onSuccess: () => notifySuccess(t('settings.rateDeleted')), onError: notifyError })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group align="end" component="form" onSubmit={(e) => (e.preventDefault(), put())}>
          <NumberInput label={t('settings.year')} min={2000} max={2100} allowDecimal={false} value={year} onChange={setYear} w={100} />
          <Select
            label={t('settings.half')}
            data={[
              { value: '1', label: t('settings.firstHalf') },
              { value: '2', label: t('settings.secondHalf') },
            ]}
            value={half}
            onChange={(v) => v && setHalf(v)}
            allowDeselect={false}
            w={240}
          />
          <TextInput
            label={t('settings.ecbRate')}
            value={ecb}
            onChange={(e) => setEcb(e.currentTarget.value)}
            placeholder="2,15"
            w={120}
            inputMode="decimal"
            error={ecb && ecbRate === undefined ? '2,15' : undefined}
            data-testid="ecb-rate"
          />
          <Button type="submit" variant="light" disabled={ecbRate === undefined || !year} loading={rates.isPending} data-testid="save-rate">
            {t('settings.addRate')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
