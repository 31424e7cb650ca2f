import { Alert, Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type TemplateDetail, useTestSendTemplate } from '../api/templates-queries';
import type { TemplateLocale } from './template-editing';

/** Test send of one locale as it stands in the editor: confirmed first, then says where it went (the outbox, marked as a test); one click id per confirmation. */
export function TestSendButton(props: { detail: TemplateDetail; locale: TemplateLocale; parts: Record<string, string>; invoice: { id: string; number: string } | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const send = useTestSendTemplate(props.detail.channel, props.detail.name);
  const localeWord = t(`templates.locales.${props.locale}`);
  if (props.detail.channel === 'call') return props.locale === 'fr' ? <Text size="xs">{t('templates.callNoSend')}</Text> : null;
  const targetWord = props.invoice ? t('templates.testSendTargetInvoice', { number: props.invoice.number }) : t('templates.testSendTargetSample');
  const confirm = () => {
    // One id per confirmed click: a retried request is one message.
    send.mutate({ locale: props.locale, clickId: crypto.randomUUID(), parts: props.parts, invoiceId: props.invoice?.id }, { onSettled: () => setOpen(false) });
  };
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        {t('templates.testSendLocale', { locale: localeWord })}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('templates.testSendConfirmTitle')}>
        <Stack>
          <Text size="sm">{t('templates.testSendConfirm', { locale: localeWord, target: targetWord })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={confirm} loading={send.isPending}>
              {t('templates.testSendGo')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {send.data && (
        <Alert color="green" role="status" data-testid={`template-test-sent-${props.locale}`}>
          {send.data.repeated ? t('templates.testSentAgain') : t('templates.testSent', { to: send.data.recipients.join(', ') })}{' '}
          <Anchor component={Link} to={send.data.outbox}>
            {t('templates.openOutbox')}
          </Anchor>
        </Alert>
      )}
      {send.error && <Alert color="red">{(send.error as Error).message}</Alert>}
    </>
  );
}
