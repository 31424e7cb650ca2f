import { Badge, Button, Card, Code, CopyButton, Group, Modal, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { AGENCY_DELIVERY_METHODS, type AgencyDeliveryMethod } from '@dunning/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '../api/types';
import { type AgencyApiKey, useCreateAgency, useRevokeAgencyKey, useRotateAgencyKey } from '../api/settings-queries';
import { formatPercent } from '../common/format';
import { notifySuccess, useNotifyError } from '../common/notify';

/** The agencies, a new one, and (for the admin) their API keys: made or rotated, shown once, revoked. */
export function AgenciesCard({ agencies, isAdmin }: { agencies: Agency[]; isAdmin: boolean }) {
  const { t, i18n } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [confirm, setConfirm] = useState<{ agency: Agency; action: 'rotate' | 'revoke' } | undefined>();
  const [shown, setShown] = useState<{ name: string; key: AgencyApiKey } | undefined>();
  const rotate = useRotateAgencyKey();
  const revoke = useRevokeAgencyKey();
  const notifyError = useNotifyError();
  const makeKey = (agency: Agency) =>
    rotate.mutate(agency.id, {
      onSuccess: (key) => {
        setConfirm(undefined);
        setShown({ name: agency.name, key });
      },
      onError: notifyError,
    });
  const doRevoke = (agency: Agency) =>
    revoke.mutate(agency.id, {
      onSuccess: () => {
        setConfirm(undefined);
        notifySuccess(t('adminSettings.agencies.revoked'));
      },
      onError: notifyError,
    });
  return (
    <Card withBorder data-testid="agencies-admin">
      <Stack>
        <Text size="sm">{t('adminSettings.agencies.help')}</Text>
        {!isAdmin && (
          <Text size="sm" c="dimmed">
            {t('adminSettings.agencies.adminOnly')}
          </Text>
        )}
        {agencies.length === 0 ? (
          <Text size="sm">{t('adminSettings.agencies.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('adminSettings.agencies.name')}</Table.Th>
                  <Table.Th>{t('adminSettings.agencies.deliveryMethod')}</Table.Th>
                  <Table.Th>{t('adminSettings.agencies.commission')}</Table.Th>
                  <Table.Th>{t('adminSettings.agencies.apiKey')}</Table.Th>
                  {isAdmin && <Table.Th>{t('adminSettings.agencies.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {agencies.map((agency) => (
                  <Table.Tr key={agency.id} data-testid="agency-row">
                    <Table.Td>{agency.name}</Table.Td>
                    <Table.Td>
                      {t(`adminSettings.agencies.deliveryMethods.${agency.deliveryMethod}`)}
                      {agency.deliveryAddress ? ` (${agency.deliveryAddress})` : ''}
                    </Table.Td>
                    <Table.Td>{formatPercent(agency.commissionPercent, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={agency.hasApiKey ? 'teal' : 'gray'} c={agency.hasApiKey ? 'teal.9' : 'dark.6'}>
                        {agency.hasApiKey ? t('adminSettings.agencies.hasKey') : t('adminSettings.agencies.noKey')}
                      </Badge>
                    </Table.Td>
                    {isAdmin && (
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          {agency.hasApiKey ? (
                            <>
                              <Button
                                size="xs"
                                variant="light"
                                onClick={() => setConfirm({ agency, action: 'rotate' })}
                                aria-label={`${t('adminSettings.agencies.rotateKey')} — ${agency.name}`}
                              >
                                {t('adminSettings.agencies.rotateKey')}
                              </Button>
                              <Button
                                size="xs"
                                variant="light"
                                color="red"
                                onClick={() => setConfirm({ agency, action: 'revoke' })}
                                aria-label={`${t('adminSettings.agencies.revokeKey')} — ${agency.name}`}
                              >
                                {t('adminSettings.agencies.revokeKey')}
                              </Button>
                            </>
                          ) : (
                            <Button
                              size="xs"
                              variant="light"
                              loading={rotate.isPending && rotate.variables === agency.id}
                              onClick={() => makeKey(agency)}
                              aria-label={`${t('adminSettings.agencies.createKey')} — ${agency.name}`}
                            >
                              {t('adminSettings.agencies.createKey')}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text size="xs" c="dimmed">
          {t('adminSettings.agencies.sftpHint')}
        </Text>
        <Group>
          <Button variant="light" onClick={() => setAdding(true)} data-testid="add-agency">
            {t('adminSettings.agencies.add')}
          </Button>
        </Group>
      </Stack>
      {adding && <CreateAgencyModal onClose={() => setAdding(false)} />}
      <Modal
        opened={confirm !== undefined}
        onClose={() => setConfirm(undefined)}
        title={confirm ? t(confirm.action === 'rotate' ? 'adminSettings.agencies.rotateTitle' : 'adminSettings.agencies.revokeTitle', { name: confirm.agency.name }) : ''}
      >
        {confirm && (
          <Stack>
            <Text size="sm">{t(confirm.action === 'rotate' ? 'adminSettings.agencies.rotateConfirm' : 'adminSettings.agencies.revokeConfirm')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(undefined)}>
                {t('adminSettings.agencies.cancel')}
              </Button>
              {confirm.action === 'rotate' ? (
                <Button loading={rotate.isPending} onClick={() => makeKey(confirm.agency)} data-testid="confirm-rotate">
                  {t('adminSettings.agencies.rotateKey')}
                </Button>
              ) : (
                <Button color="red" loading={revoke.isPending} onClick={() => doRevoke(confirm.agency)} data-testid="confirm-revoke">
                  {t('adminSettings.agencies.revokeKey')}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Modal>
      <Modal
        opened={shown !== undefined}
        onClose={() => setShown(undefined)}
        closeOnClickOutside={false}
        title={shown ? t('adminSettings.agencies.keyTitle', { name: shown.name }) : ''}
      >
        {shown && (
          <Stack>
            <Text size="sm">{t('adminSettings.agencies.keyOnce')}</Text>
            <Code block data-testid="agency-api-key" style={{ wordBreak: 'break-all' }}>
              {shown.key.apiKey}
            </Code>
            <Group justify="flex-end">
              <CopyButton value={shown.key.apiKey}>
                {({ copied, copy }) => (
                  <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy} data-testid="copy-agency-key">
                    {copied ? t('adminSettings.agencies.copied') : t('adminSettings.agencies.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button onClick={() => setShown(undefined)}>{t('adminSettings.agencies.done')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}

function CreateAgencyModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateAgency();
  const notifyError = useNotifyError();
  const [name, setName] = useState('');
  const [method, setMethod] = useState<AgencyDeliveryMethod>('api');
  const [address, setAddress] = useState('');
  const [commission, setCommission] = useState<number | string>(0);
  // SFTP and webhook need their server configuration (secrets in the environment): the API sets them up.
  const methods = AGENCY_DELIVERY_METHODS.filter((m) => m === 'api' || m === 'email').map((m) => ({ value: m, label: t(`adminSettings.agencies.deliveryMethods.${m}`) }));
  const submit = () =>
    create.mutate(
      { name: name.trim(), deliveryMethod: method, ...(method === 'email' ? { deliveryAddress: address.trim() } : {}), commissionPercent: Number(commission) || 0 },
      {
        onSuccess: () => {
          notifySuccess(t('adminSettings.agencies.created'));
          onClose();
        },
        onError: notifyError,
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('adminSettings.agencies.addTitle')}>
      <Stack component="form" onSubmit={(e) => (e.preventDefault(), submit())}>
        <TextInput label={t('adminSettings.agencies.name')} withAsterisk value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus data-testid="agency-name" />
        <Select
          label={t('adminSettings.agencies.deliveryMethod')}
          data={methods}
          value={method}
          onChange={(m) => m && setMethod(m as AgencyDeliveryMethod)}
          allowDeselect={false}
          data-testid="agency-delivery"
        />
        {method === 'email' && (
          <TextInput
            type="email"
            label={t('adminSettings.agencies.deliveryAddress')}
            withAsterisk
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
            data-testid="agency-address"
          />
        )}
        <NumberInput
          label={t('adminSettings.agencies.commissionLabel')}
          min={0}
          max={100}
          decimalScale={2}
          value={commission}
          onChange={setCommission}
          data-testid="agency-commission"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('adminSettings.agencies.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!name.trim() || (method === 'email' && !address.trim())} data-testid="create-agency">
            {t('adminSettings.agencies.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
