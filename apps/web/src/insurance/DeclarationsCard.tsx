import { Badge, Button, Card, Group, Modal, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InsuranceDeclaration, useDeclare, useInsuranceDeclarations, useRecordIndemnity } from '../api/insurance-queries';
import { downloadReport } from '../common/download';
import { currencyDigits, formatDate, formatMoney, localDateToday, toMinorUnits } from '../common/format';
import { notifySuccess, useNotifyError } from '../common/notify';

/** Threats of loss and claims declared, their dossiers, a declaration by hand, and the indemnity received. */
export function DeclarationsCard() {
  const { t, i18n } = useTranslation();
  const declarations = useInsuranceDeclarations();
  const declare = useDeclare();
  const notifyError = useNotifyError();
  const [invoiceId, setInvoiceId] = useState('');
  const [kind, setKind] = useState<'threat' | 'claim'>('threat');
  const [indemnifying, setIndemnifying] = useState<InsuranceDeclaration | undefined>();
  const money = (amount: number, currency: string) => formatMoney(amount, currency, i18n.language);
  return (
    <Card withBorder data-testid="insurance-declarations">
      <Title order={5}>{t('insurance.declarations')}</Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('insurance.declarationsHelp')}
      </Text>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('insurance.customer')}</Table.Th>
            <Table.Th>{t('insurance.invoice')}</Table.Th>
            <Table.Th>{t('insurance.kind')}</Table.Th>
            <Table.Th>{t('insurance.declaredAt')}</Table.Th>
            <Table.Th>{t('insurance.deadline')}</Table.Th>
            <Table.Th>{t('insurance.outstanding')}</Table.Th>
            <Table.Th>{t('insurance.insured')}</Table.Th>
            <Table.Th>{t('insurance.status')}</Table.Th>
            <Table.Th>{t('insurance.declaredBy')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(declarations.data?.items ?? []).map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{d.customerName}</Table.Td>
              <Table.Td>{d.invoiceNumber}</Table.Td>
              <Table.Td>{t(`insurance.kinds.${d.kind}`)}</Table.Td>
              <Table.Td>{formatDate(d.declaredAt, i18n.language)}</Table.Td>
              <Table.Td>
                {formatDate(d.deadline, i18n.language)}{' '}
                {d.late && (
                  <Badge color="red" size="xs">
                    {t('insurance.late')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{money(d.outstanding, d.currency)}</Table.Td>
              <Table.Td>{money(d.insuredAmount, d.currency)}</Table.Td>
              <Table.Td>
                {t(`insurance.statuses.${d.status}`)}
                {d.indemnityAmount !== null && ` — ${money(d.indemnityAmount, d.currency)}`}
              </Table.Td>
              <Table.Td>{t(`insurance.by.${d.declaredBy}`, { defaultValue: d.declaredBy })}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {d.dossierDocumentId && (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => downloadReport(`/api/documents/${d.dossierDocumentId}`, `insurance-claim-${d.invoiceNumber}.pdf`).catch(notifyError)}
                    >
                      {t('insurance.download')}
                    </Button>
                  )}
                  {d.status === 'declared' && d.insuredAmount > 0 && (
                    <Button size="xs" variant="subtle" onClick={() => setIndemnifying(d)}>
                      {t('insurance.indemnity')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {declarations.data?.items.length === 0 && <Text c="dimmed">{t('insurance.none')}</Text>}
      <Group align="flex-end" mt="sm">
        <TextInput label={t('insurance.invoice')} description={t('insurance.declareHelp')} w={360} value={invoiceId} onChange={(e) => setInvoiceId(e.currentTarget.value.trim())} />
        <Select
          label={t('insurance.kind')}
          data={[
            { value: 'threat', label: t('insurance.kinds.threat') },
            { value: 'claim', label: t('insurance.kinds.claim') },
          ]}
          value={kind}
          onChange={(v) => setKind((v as 'threat' | 'claim') ?? 'threat')}
        />
        <Button
          loading={declare.isPending}
          disabled={!invoiceId}
          onClick={async () => {
            try {
              await declare.mutateAsync({ invoiceId, kind });
              notifySuccess(t('insurance.saved'));
              setInvoiceId('');
            } catch (error) {
              notifyError(error);
            }
          }}
        >
          {t('insurance.declare')}
        </Button>
      </Group>
      {indemnifying && <IndemnityModal declaration={indemnifying} onClose={() => setIndemnifying(undefined)} />}
    </Card>
  );
}

function IndemnityModal({ declaration, onClose }: { declaration: InsuranceDeclaration; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const record = useRecordIndemnity();
  const notifyError = useNotifyError();
  const money = (amount: number) => formatMoney(amount, declaration.currency, i18n.language);
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(localDateToday());
  const [reference, setReference] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('insurance.indemnityTitle', { invoice: declaration.invoiceNumber })}>
      <Text size="sm" mb="sm">
        {t('insurance.indemnityHelp', { insured: money(declaration.insuredAmount), balance: money(declaration.invoiceBalance) })}
      </Text>
      <TextInput label={`${t('insurance.amount')} (${declaration.currency})`} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} />
      <TextInput label={t('insurance.date')} type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
      <TextInput label={t('insurance.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} />
      <Button
        mt="md"
        loading={record.isPending}
        onClick={async () => {
          try {
            const result = await record.mutateAsync({
              id: declaration.id,
              body: { amount: toMinorUnits(amount, currencyDigits(declaration.currency)) ?? Number.NaN, date, reference },
            });
            notifySuccess(t('insurance.recorded', { number: result.invoice.number, balance: money(result.invoice.balance) }));
            onClose();
          } catch (error) {
            notifyError(error);
          }
        }}
      >
        {t('insurance.record')}
      </Button>
    </Modal>
  );
}
