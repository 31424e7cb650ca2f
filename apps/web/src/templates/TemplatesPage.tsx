import { Alert, Anchor, Badge, Button, Card, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/http';
import { type TemplateSummary, useCreateTemplate, useTemplateLibrary } from '../api/templates-queries';
import { groupByChannel, templateLabel } from './template-editing';

/** The templates flows send, grouped by channel, each named in words with its locales' state; and a new template as a copy of another. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const library = useTemplateLibrary();
  if (library.isError) return <Alert color="red">{t('common.loadFailed', { message: (library.error as Error).message })}</Alert>;
  if (!library.data) return <Loader />;
  const words = t('templates.names', { returnObjects: true }) as Record<string, string>;
  return (
    <Stack gap="lg">
      <Title order={3}>{t('templates.title')}</Title>
      <Text size="sm">{t('templates.intro')}</Text>
      {groupByChannel(library.data).map((group) => (
        <Stack key={group.channel} component="section" aria-labelledby={`templates-${group.channel}`} gap="xs">
          <Title order={4} id={`templates-${group.channel}`}>
            {t(`templates.channels.${group.channel}`)}
          </Title>
          <Table data-testid={`templates-${group.channel}`}>
            <Table.Tbody>
              {group.templates.map((template) => (
                <Table.Tr key={template.name}>
                  <Table.Td>
                    <Anchor component={Link} to={`/templates/${template.channel}/${template.name}`} aria-label={t('templates.edit', { name: templateLabel(template.name, words) })}>
                      {templateLabel(template.name, words)}
                    </Anchor>
                    <Text size="xs" c="dimmed" translate="no">
                      {template.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      {template.locales.map((l) => (
                        <Badge key={l.locale} variant={l.edited ? 'filled' : 'light'} color={l.edited ? 'blue' : 'gray'}>
                          {t(`templates.locales.${l.locale}`)} · {l.edited ? t('templates.edited', { version: l.version }) : t('templates.default')}
                        </Badge>
                      ))}
                      {template.custom && <Badge variant="outline">{t('templates.custom')}</Badge>}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
      <NewTemplateCard library={library.data} words={words} />
    </Stack>
  );
}

function NewTemplateCard({ library, words }: { library: TemplateSummary[]; words: Record<string, string> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateTemplate();
  const [copyOf, setCopyOf] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const source = library.find((s) => `${s.channel}/${s.name}` === copyOf);
  const submit = () => {
    if (!source) return;
    setError(undefined);
    create.mutate(
      { channel: source.channel, name: name.trim(), copyOf: source.name },
      {
        onSuccess: (created) => navigate(`/templates/${created.channel}/${created.name}`),
        onError: (e) => setError(e instanceof ApiError ? ((e.body as { problems?: Array<{ message: string }> })?.problems?.[0]?.message ?? e.message) : (e as Error).message),
      },
    );
  };
  return (
    <Card withBorder component="section" aria-labelledby="new-template-title">
      <Stack gap="xs">
        <Title order={4} id="new-template-title">
          {t('templates.newTitle')}
        </Title>
        <Group align="flex-end">
          <Select
            label={t('templates.copyOf')}
            data={library.map((s) => ({ value: `${s.channel}/${s.name}`, label: `${t(`templates.channels.${s.channel}`)} — ${templateLabel(s.name, words)}` }))}
            value={copyOf}
            onChange={setCopyOf}
            searchable
          />
          <TextInput label={t('templates.newName')} description={t('templates.newNameHelp')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} />
          <Button onClick={submit} disabled={!source || name.trim().length < 2} loading={create.isPending}>
            {t('templates.create')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
