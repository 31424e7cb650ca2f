import { Button, Group, Stack, Table, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCreateFlow, useFlows } from '../api/queries';

export function FlowsPage() {
  const { t, i18n } = useTranslation();
  const flows = useFlows();
  const create = useCreateFlow();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('flows.title')}</Title>
        <Button component={Link} to="/flows/experiments" variant="light">
          {t('experiments.nav')}
        </Button>
      </Group>
      <Group
        component="form"
        onSubmit={(e) => (
          e.preventDefault(),
          create.mutate(name, { onSuccess: (flow) => navigate(`/flows/${flow.id}`), onError: (error) => notifications.show({ color: 'red', message: (error as Error).message }) })
        )}
      >
        <TextInput placeholder={t('flows.name')} aria-label={t('flows.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required data-testid="new-flow-name" />
        <Button type="submit" loading={create.isPending} data-testid="new-flow">
          {t('flows.new')}
        </Button>
      </Group>
      <Table highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('flows.name')}</Table.Th>
            <Table.Th>{t('common.date')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(flows.data ?? []).map((flow) => (
            <Table.Tr key={flow.id}>
              <Table.Td>
                <Link to={`/flows/${flow.id}`} translate="no">
                  {flow.name}
                </Link>
              </Table.Td>
              <Table.Td>{new Date(flow.updatedAt).toLocaleString(i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
