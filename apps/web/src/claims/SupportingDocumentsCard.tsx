import { Alert, Anchor, Badge, Button, Card, FileInput, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORTING_DOCUMENT_TYPES, type SupportingDocumentType } from '@dunning/domain';
import { type Recoverability, type SupportingChange, useRecoverability, useSetSupportingReference, useUploadSupportingDocument } from '../api/claims-queries';
import { formatDate } from '../common/format';
import { useNotifyError } from '../common/notify';

/**
 * What makes the claim certain (Code civil 1353): the order, signed quote or delivery note
 * attached or referenced, and the verdict — certain, liquid, due (CPCE L111-2, L111-6), not
 * time-barred (Code civil 2219). Attaching one releases the steps held for it.
 */
export function SupportingDocumentsCard({ invoiceId }: { invoiceId: string }) {
  const { t } = useTranslation();
  const verdict = useRecoverability(invoiceId);
  return (
    <Card withBorder data-testid="supporting-documents">
      <Title order={5}>{t('legalClaims.supportingTitle')}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('legalClaims.supportingHelp')}
      </Text>
      {verdict.isError && <Alert color="red">{t('common.loadFailed', { message: (verdict.error as Error).message })}</Alert>}
      {!verdict.data ? <Loader size="sm" /> : <SupportingDocuments invoiceId={invoiceId} verdict={verdict.data} />}
    </Card>
  );
}

function SupportingDocuments({ invoiceId, verdict }: { invoiceId: string; verdict: Recoverability }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('fr') ? 'fr' : 'en';
  const upload = useUploadSupportingDocument(invoiceId);
  const reference = useSetSupportingReference(invoiceId);
  const notifyError = useNotifyError();
  const [type, setType] = useState<SupportingDocumentType>('order');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState(verdict.supportingReference ?? '');
  const [outcome, setOutcome] = useState<SupportingChange | null>(null);
  const done = (answer: SupportingChange) => setOutcome(answer);
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Text fw={600}>{t('legalClaims.verdict')}</Text>
        <Badge color={verdict.recoverable ? 'green' : 'red'} data-testid="recoverability-verdict">
          {verdict.recoverable ? t('legalClaims.recoverable') : t('legalClaims.notRecoverable')}
        </Badge>
      </Group>
      <Stack gap={4}>
        {verdict.requirements.map((r) => (
          <Text key={r.requirement} size="sm" c={r.met ? undefined : 'red'}>
            {r.met ? '✓' : '✗'} {t(`legalClaims.requirement.${r.requirement}`)} — {r.met ? t('legalClaims.met') : t('legalClaims.missing')} ({r.article})
            {r.message && (
              <Text span size="xs" c="dimmed" display="block">
                {r.message[language]}
              </Text>
            )}
          </Text>
        ))}
      </Stack>
      {verdict.supportingDocuments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('legalClaims.noDocuments')}
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {verdict.supportingDocuments.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.supportingType ? t(`legalClaims.type.${d.supportingType}`) : d.kind}</Table.Td>
                <Table.Td>
                  <Anchor href={`/api/documents/${d.id}`}>{d.filename}</Anchor>
                </Table.Td>
                <Table.Td>{formatDate(d.createdAt, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group align="flex-end">
        <Select
          label={t('legalClaims.documentType')}
          data={SUPPORTING_DOCUMENT_TYPES.map((value) => ({ value, label: t(`legalClaims.type.${value}`) }))}
          value={type}
          onChange={(value) => value && setType(value as SupportingDocumentType)}
          allowDeselect={false}
          w={170}
        />
        <FileInput label={t('legalClaims.file')} accept="application/pdf,image/png,image/jpeg" value={file} onChange={setFile} w={220} clearable />
        <Button
          disabled={!file}
          loading={upload.isPending}
          onClick={async () => {
            try {
              done(await upload.mutateAsync({ file: file!, type }));
              setFile(null);
            } catch (error) {
              notifyError(error);
            }
          }}
        >
          {t('legalClaims.upload')}
        </Button>
      </Group>
      <Group align="flex-end">
        <TextInput
          label={t('legalClaims.reference')}
          description={t('legalClaims.referenceHelp')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          maxLength={200}
          flex={1}
        />
        <Button
          variant="light"
          disabled={!text.trim()}
          loading={reference.isPending}
          onClick={async () => {
            try {
              done(await reference.mutateAsync(text.trim()));
            } catch (error) {
              notifyError(error);
            }
          }}
        >
          {t('legalClaims.saveReference')}
        </Button>
        {verdict.supportingReference && (
          <Button
            variant="subtle"
            color="gray"
            onClick={async () => {
              try {
                done(await reference.mutateAsync(null));
                setText('');
              } catch (error) {
                notifyError(error);
              }
            }}
          >
            {t('legalClaims.clearReference')}
          </Button>
        )}
      </Group>
      {outcome && (
        <Alert color="green" withCloseButton onClose={() => setOutcome(null)}>
          {outcome.released > 0 ? t('legalClaims.released', { count: outcome.released }) : t('legalClaims.saved')}
        </Alert>
      )}
    </Stack>
  );
}
