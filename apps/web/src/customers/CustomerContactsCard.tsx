import { Badge, Card, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../api/types';

/** The customer's contacts, one per role (role in words), and what made one unreachable. */
export function CustomerContactsCard({ contacts }: { contacts: CustomerDetail['contacts'] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="customer-contacts">
      <Title order={3} size="h5" mb="xs">
        {t('customerPage.contacts')}
      </Title>
      {contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('customerPage.noContact')}
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customerPage.role')}</Table.Th>
              <Table.Th>{t('customerPage.name')}</Table.Th>
              <Table.Th>{t('customerPage.email')}</Table.Th>
              <Table.Th>{t('customerPage.phone')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contacts.map((contact) => (
              <Table.Tr key={contact.id}>
                <Table.Td>{t(`customerPage.roles.${contact.role}`, { defaultValue: contact.role })}</Table.Td>
                <Table.Td>{contact.name ?? '—'}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : '—'}
                    {contact.emailUnreachableAt && (
                      <Badge size="xs" color="red" variant="light" title={contact.emailUnreachableReason ?? undefined}>
                        {t('customerPage.emailUnreachable')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {contact.phone ? <a href={`tel:${contact.phone}`}>{contact.phone}</a> : '—'}
                    {contact.smsOptedOutAt && (
                      <Badge size="xs" color="orange" variant="light">
                        {t('customerPage.smsOptedOut')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
