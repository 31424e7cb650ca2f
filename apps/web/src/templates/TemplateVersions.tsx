import { Alert, Button, Card, Code, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format';
import { type TemplateDetail, fetchTemplateVersion, useRestoreTemplate, useTemplateVersions } from '../api/templates-queries';

/** The versions saved in the app, newest first, each to show or restore (restoring saves it again as the newest). */
export function TemplateVersions({ detail, onRestored }: { detail: TemplateDetail; onRestored: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const versions = useTemplateVersions(detail.channel, detail.name);
  const restore = useRestoreTemplate(detail.channel, detail.name);
  const [shown, setShown] = useState<{ locale: string; version: number; parts: Record<string, string> }>();
  const localeWord = (locale: string) => t(`templates.locales.${locale}`);
  return (
    <Card withBorder component="section" aria-labelledby="template-versions-title">
      <Stack gap="xs">
        <Title order={4} id="template-versions-title">
          {t('templates.versionsTitle')}
        </Title>
        {!versions.data ? (
          <Loader size="sm" />
        ) : versions.data.length === 0 ? (
          <Text size="sm">{t('templates.noVersions')}</Text>
        ) : (
          <Table data-testid="template-versions">
            <Table.Tbody>
              {versions.data.map((v) => (
                <Table.Tr key={`${v.locale}-${v.version}`}>
                  <Table.Td>{t('templates.versionOf', { version: v.version, locale: localeWord(v.locale) })}</Table.Td>
                  <Table.Td>{t('templates.by', { date: formatDate(v.createdAt, i18n.language, true) })}</Table.Td>
                  <Table.Td>{v.comment ?? ''}</Table.Td>
                  <Table.Td>
                    <Group gap={6} justify="flex-end">
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        aria-label={t('templates.viewLabel', { version: v.version, locale: localeWord(v.locale) })}
                        onClick={async () => setShown(await fetchTemplateVersion(detail.channel, detail.name, v.locale, v.version))}
                      >
                        {t('templates.view')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="light"
                        aria-label={t('templates.restoreLabel', { version: v.version, locale: localeWord(v.locale) })}
                        loading={restore.isPending && restore.variables?.version === v.version && restore.variables.locale === v.locale}
                        // The editor remounts on the restored version: the page, above it, says so.
                        onClick={() =>
                          void restore.mutateAsync({ locale: v.locale, version: v.version }).then(
                            () => onRestored(t('templates.restored', { version: v.version })),
                            () => undefined,
                          )
                        }
                      >
                        {t('templates.restore')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {restore.error && <Alert color="red">{(restore.error as Error).message}</Alert>}
        {shown && (
          <Stack gap={4} data-testid="template-version-shown">
            <Text fw={600}>{t('templates.versionOf', { version: shown.version, locale: localeWord(shown.locale) })}</Text>
            {Object.entries(shown.parts).map(([part, source]) => (
              <Stack key={part} gap={2}>
                <Text size="sm">{t(`templates.parts.${part}`)}</Text>
                <Code block>{source}</Code>
              </Stack>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
