import { Button, Card, Group, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomerChoices, useInsurancePolicies, useInsuredLimits, useRemoveLimit, useSetLimit } from '../api/insurance-queries';
import { currencyDigits, formatDate, formatMoney, localDateToday, toMinorUnits } from '../common/format';
import { notifySuccess, useNotifyError } from '../common/notify';

/** The credit limit the insurer granted on each customer (agrément): beyond it the exposure is uninsured. */
export function LimitsCard() {
  const { t, i18n } = useTranslation();
  const limits = useInsuredLimits();
  const policies = useInsurancePolicies();
  const customers = useCustomerChoices();
  const setLimit = useSetLimit();
  const remove = useRemoveLimit();
  const notifyError = useNotifyError();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [policyId, setPolicyId] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [grantedOn, setGrantedOn] = useState(localDateToday());
  const policy = policies.data?.items.find((p) => p.id === policyId);
  return (
    <Card withBorder data-testid="insurance-limits">
      <Title order={5}>{t('insurance.limits')}</Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('insurance.limitsHelp')}
      </Text>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('insurance.customer')}</Table.Th>
            <Table.Th>{t('insurance.policy')}</Table.Th>
            <Table.Th>{t('insurance.limit')}</Table.Th>
            <Table.Th>{t('insurance.grantedOn')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(limits.data?.items ?? []).map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{l.customerName}</Table.Td>
              <Table.Td>
                {l.insurer} {l.policyNumber}
              </Table.Td>
              <Table.Td>{formatMoney(l.limitAmount, l.currency, i18n.language)}</Table.Td>
              <Table.Td>{formatDate(l.grantedOn, i18n.language)}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutateAsync(l.customerId).catch(notifyError)}>
                  {t('insurance.remove')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="flex-end" mt="sm" wrap="wrap">
        <Select searchable label={t('insurance.customer')} data={(customers.data ?? []).map((c) => ({ value: c.id, label: c.name }))} value={customerId} onChange={setCustomerId} />
        <Select
          label={t('insurance.policy')}
          data={(policies.data?.items ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: `${p.insurer} ${p.policyNumber}` }))}
          value={policyId}
          onChange={setPolicyId}
        />
        <TextInput label={`${t('insurance.limit')}${policy ? ` (${policy.currency})` : ''}`} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} />
        <TextInput label={t('insurance.grantedOn')} type="date" value={grantedOn} onChange={(e) => setGrantedOn(e.currentTarget.value)} />
        <Button
          loading={setLimit.isPending}
          disabled={!customerId || !policy}
          onClick={async () => {
            try {
              const limitAmount = toMinorUnits(amount, currencyDigits(policy!.currency)) ?? Number.NaN;
              await setLimit.mutateAsync({ customerId: customerId!, body: { policyId: policy!.id, currency: policy!.currency, limitAmount, grantedOn } });
              notifySuccess(t('insurance.saved'));
              setAmount('');
            } catch (error) {
              notifyError(error);
            }
          }}
        >
          {t('insurance.setLimit')}
        </Button>
      </Group>
    </Card>
  );
}
