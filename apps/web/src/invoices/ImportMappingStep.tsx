import { Alert, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { ImportField } from '@dunning/domain';
import { useTranslation } from 'react-i18next';
import { type Choice, type Choices, type NeedsMapping, checkChoices, fieldOptions, savedMappingOptions } from './import-mapping';

interface Props {
  analysis: NeedsMapping;
  choices: Choices;
  onChoose: (header: string, choice: Choice) => void;
  saveAs: string;
  onSaveAs: (name: string) => void;
  /** Applies a saved mapping (by name) to the form. */
  onApplySaved: (name: string) => void;
  onSubmit: () => void;
  onCancel: () => void;
  busy: boolean;
}

/** The columns of a file the API did not all recognise: a field (or "ignore") per column, with its first values; then the file is sent again. */
export function ImportMappingStep({ analysis, choices, onChoose, saveAs, onSaveAs, onApplySaved, onSubmit, onCancel, busy }: Props) {
  const { t } = useTranslation();
  const fieldLabel = (field: ImportField) => t(`imports.fields.${field}`);
  const options = fieldOptions(analysis.fields, (field, required) => (required ? t('imports.required', { label: fieldLabel(field) }) : fieldLabel(field)), t('imports.ignore'));
  const check = checkChoices(analysis.columns, choices, analysis.fields);
  const duplicated = new Set(check.duplicates.flatMap((d) => d.headers));
  const saved = savedMappingOptions(analysis.savedMappings, (name, matches) => (matches ? t('imports.savedForThisFile', { name }) : name));
  return (
    <Paper withBorder p="md" data-testid="import-mapping">
      <Stack gap="sm">
        <Title order={4}>{t('imports.mappingTitle', { fileName: analysis.fileName })}</Title>
        <Text size="sm">{t('imports.mappingIntro', { count: analysis.totalRows })}</Text>
        {saved.length > 0 && (
          <Select
            label={t('imports.savedPicker')}
            data={saved}
            value={analysis.savedMapping ?? null}
            onChange={(name) => name && onApplySaved(name)}
            w={360}
            allowDeselect={false}
            data-testid="import-saved-mapping"
          />
        )}
        {analysis.savedMapping && <Text size="sm">{t('imports.savedApplied', { name: analysis.savedMapping })}</Text>}
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.column')}</Table.Th>
              <Table.Th>{t('imports.samples')}</Table.Th>
              <Table.Th>{t('imports.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {analysis.columns.map((column) => (
              <Table.Tr key={column.index} data-testid={`mapping-row-${column.index}`}>
                <Table.Td>
                  <Text fw={500}>{column.header || `#${column.index}`}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {column.samples.join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`${t('imports.field')}: ${column.header || `#${column.index}`}`}
                    placeholder={t('imports.choose')}
                    data={options}
                    value={choices[column.header] || null}
                    onChange={(value) => onChoose(column.header, (value ?? '') as Choice)}
                    error={duplicated.has(column.header) || (choices[column.header] ?? '') === ''}
                    searchable
                    allowDeselect={false}
                    w={300}
                    data-testid={`mapping-field-${column.index}`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {check.missing.length > 0 && (
          <Alert color="orange" data-testid="mapping-missing">
            {t('imports.missing', { fields: check.missing.map(fieldLabel).join(', ') })}
          </Alert>
        )}
        {check.duplicates.map((d) => (
          <Alert color="orange" key={d.field}>
            {t('imports.duplicate', { field: fieldLabel(d.field), headers: d.headers.join(', ') })}
          </Alert>
        ))}
        {check.undecided.length > 0 && (
          <Text size="sm" c="orange" data-testid="mapping-undecided">
            {t('imports.undecided', { headers: check.undecided.join(', ') })}
          </Text>
        )}
        <TextInput
          label={t('imports.saveAs')}
          description={t('imports.saveAsHelp')}
          value={saveAs}
          onChange={(event) => onSaveAs(event.currentTarget.value)}
          maxLength={80}
          w={360}
          data-testid="mapping-save-as"
        />
        <Group>
          <Button onClick={onSubmit} disabled={!check.complete} loading={busy} data-testid="mapping-submit">
            {t('imports.submit')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('imports.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
