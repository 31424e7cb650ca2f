import { Badge, Button, Card, Group, NumberInput, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreatePolicy, useDeactivatePolicy, useInsurancePolicies } from '../api/insurance-queries';
import { notifySuccess, useNotifyError } from '../common/notify';

const num = (value: number | string) => (value === '' ? undefined : Number(value));

/** The policies: insurer, number, insured share (60–100 %), the deadlines (Code des assurances L112-4: written in the policy). */
export function PoliciesCard() {
  const { t } = useTranslation();
  const policies = useInsurancePolicies();
  const create = useCreatePolicy();
  const deactivate = useDeactivatePolicy();
  const notifyError = useNotifyError();
  const [insurer, setInsurer] = useState('');
  const [policyNumber, setPolicyNumber] = useState('');
  const [coverage, setCoverage] = useState<number | string>(90);
  const [currency, setCurrency] = useState('EUR');
  const [threatDays, setThreatDays] = useState<number | string>(60);
  const [claimDays, setClaimDays] = useState<number | string>(150);
  const [autoDays, setAutoDays] = useState<number | string>('');
  return (
    <Card withBorder data-testid="insurance-policies">
      <Title order={5} mb="xs">
        {t('insurance.policies')}
      </Title>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('insurance.insurer')}</Table.Th>
            <Table.Th>{t('insurance.policyNumber')}</Table.Th>
            <Table.Th>{t('insurance.coverage')}</Table.Th>
            <Table.Th>{t('insurance.threatDays')}</Table.Th>
            <Table.Th>{t('insurance.claimDays')}</Table.Th>
            <Table.Th>{t('insurance.autoDays')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(policies.data?.items ?? []).map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.insurer}</Table.Td>
              <Table.Td>{p.policyNumber}</Table.Td>
              <Table.Td>{p.coveragePercent} %</Table.Td>
              <Table.Td>{p.threatDeclarationDays}</Table.Td>
              <Table.Td>{p.claimDeadlineDays}</Table.Td>
              <Table.Td>{p.autoDeclareDaysBefore ?? '—'}</Table.Td>
              <Table.Td>
                {p.active ? (
                  <Button size="xs" variant="subtle" color="red" onClick={() => deactivate.mutateAsync(p.id).catch(notifyError)}>
                    {t('insurance.deactivate')}
                  </Button>
                ) : (
                  <Badge color="gray">{t('insurance.inactive')}</Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {policies.data?.items.length === 0 && <Text c="dimmed">{t('insurance.none')}</Text>}
      <Group align="flex-end" mt="sm" wrap="wrap">
        <TextInput label={t('insurance.insurer')} value={insurer} onChange={(e) => setInsurer(e.currentTarget.value)} />
        <TextInput label={t('insurance.policyNumber')} value={policyNumber} onChange={(e) => setPolicyNumber(e.currentTarget.value)} />
        <NumberInput label={t('insurance.coverage')} description={t('insurance.coverageHelp')} min={60} max={100} decimalScale={2} value={coverage} onChange={setCoverage} />
        <TextInput label={t('insurance.currency')} w={90} value={currency} onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())} />
        <NumberInput
          label={t('insurance.threatDays')}
          description={t('insurance.threatDaysHelp')}
          min={1}
          max={365}
          allowDecimal={false}
          value={threatDays}
          onChange={setThreatDays}
        />
        <NumberInput label={t('insurance.claimDays')} description={t('insurance.claimDaysHelp')} min={1} max={730} allowDecimal={false} value={claimDays} onChange={setClaimDays} />
        <NumberInput label={t('insurance.autoDays')} description={t('insurance.autoDaysHelp')} min={0} max={365} allowDecimal={false} value={autoDays} onChange={setAutoDays} />
        <Button
          loading={create.isPending}
          onClick={async () => {
            try {
              await create.mutateAsync({
                insurer,
                policyNumber,
                coveragePercent: Number(coverage),
                currency,
                threatDeclarationDays: Number(threatDays),
                claimDeadlineDays: Number(claimDays),
                autoDeclareDaysBefore: num(autoDays) ?? null,
              });
              notifySuccess(t('insurance.saved'));
              setPolicyNumber('');
            } catch (error) {
              notifyError(error);
            }
          }}
        >
          {t('insurance.addPolicy')}
        </Button>
      </Group>
    </Card>
  );
}
