import { Alert, Anchor, Button, Group, Loader, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../api/http';
import { type TemplateDetail, useInvoicePicker, useSaveTemplate, useTemplateDetail } from '../api/templates-queries';
import { TemplatePreview } from './TemplatePreview';
import { TemplateVersions } from './TemplateVersions';
import { TestSendButton } from './TestSendButton';
import { VariableMenu } from './VariableMenu';
import { type FieldProblem, type LocaleParts, TEMPLATE_LOCALES, type TemplateLocale, changedLocales, insertAtCursor, problemsOf, templateLabel } from './template-editing';

/** /templates/:channel/:name: the template loaded, then edited (keyed by what was saved, so a save starts again from it). */
export function TemplateEditorPage() {
  const { t } = useTranslation();
  const { channel, name } = useParams();
  const detail = useTemplateDetail(channel, name);
  // Kept here: a save remounts the editor (keyed by the versions), and what it said must outlive that.
  const [message, setMessage] = useState<string>();
  if (detail.isError) return <Alert color="red">{t('templates.loadError')}</Alert>;
  if (!detail.data) return <Loader />;
  const key = detail.data.locales.map((l) => `${l.locale}${l.version}`).join('-');
  return <TemplateEditor key={key} detail={detail.data} message={message} setMessage={setMessage} />;
}

interface PickedInvoice {
  id: string;
  number: string;
  label: string;
}

/** The invoices found, the one picked kept among them (its label stays shown once the search moves on). */
function pickerOptions(items: Array<{ id: string; number: string; customerName: string }>, picked: PickedInvoice | null) {
  const options = items.map((i) => ({ value: i.id, label: `${i.number} — ${i.customerName}` }));
  return picked && !options.some((o) => o.value === picked.id) ? [{ value: picked.id, label: picked.label }, ...options] : options;
}

function sentParts(detail: TemplateDetail): LocaleParts {
  const of = (locale: TemplateLocale) => ({ ...(detail.locales.find((l) => l.locale === locale)?.parts ?? {}) });
  return { fr: of('fr'), en: of('en') };
}

function TemplateEditor({ detail, message, setMessage }: { detail: TemplateDetail; message?: string; setMessage: (message?: string) => void }) {
  const { t } = useTranslation();
  const words = t('templates.names', { returnObjects: true }) as Record<string, string>;
  const sent = sentParts(detail);
  const [parts, setParts] = useState<LocaleParts>(sent);
  const [comment, setComment] = useState('');
  const [target, setTarget] = useState<'sample' | 'invoice'>('sample');
  const [invoice, setInvoice] = useState<PickedInvoice | null>(null);
  const [search, setSearch] = useState('');
  const [settledSearch] = useDebouncedValue(search, 300);
  const invoices = useInvoicePicker(settledSearch);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const save = useSaveTemplate(detail.channel, detail.name);
  const refs = useRef<Record<string, HTMLTextAreaElement | null>>({});
  const label = templateLabel(detail.name, words);
  const partWord = (part: string) => t(`templates.parts.${part}`);
  const localeWord = (locale: string) => t(`templates.locales.${locale}`);
  const invoiceId = target === 'invoice' ? invoice?.id : undefined;

  const change = (locale: TemplateLocale, part: string, value: string) => setParts((p) => ({ ...p, [locale]: { ...p[locale], [part]: value } }));
  const insert = (locale: TemplateLocale, part: string, snippet: string) => {
    const area = refs.current[`${locale}.${part}`];
    const text = parts[locale][part] ?? '';
    const { text: next, cursor } = insertAtCursor(text, area?.selectionStart ?? text.length, area?.selectionEnd ?? text.length, snippet);
    change(locale, part, next);
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(cursor, cursor);
    });
  };
  const submit = () => {
    setMessage(undefined);
    setProblems([]);
    const locales = changedLocales(parts, sent);
    if (Object.keys(locales).length === 0) return setMessage(t('templates.unchanged'));
    // mutateAsync: the answer arrives after the refreshed template remounted this editor, when a
    // mutate() callback of the unmounted editor would be dropped.
    save.mutateAsync({ locales, comment: comment.trim() || undefined }).then(
      (rows) => setMessage(t('templates.saved', { versions: rows.map((r) => `${r.version} (${localeWord(r.locale)})`).join(', ') })),
      (error: unknown) => (error instanceof ApiError ? setProblems(problemsOf(error.body)) : setMessage((error as Error).message)),
    );
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/templates" size="sm">
        {t('templates.back')}
      </Anchor>
      <Title order={3}>{t('templates.editorTitle', { name: label, channel: t(`templates.channels.${detail.channel}`) })}</Title>
      <Text size="xs" c="dimmed">
        {detail.name}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {TEMPLATE_LOCALES.map((locale) => (
          <Stack key={locale} gap="xs" component="section" aria-label={localeWord(locale)}>
            <Title order={4}>{localeWord(locale)}</Title>
            {detail.parts.map((part) => {
              const fieldLabel = t('templates.partLabel', { part: partWord(part), locale: localeWord(locale) });
              const error = problems.filter((p) => p.locale === locale && p.part === part).map((p) => p.message);
              return (
                <Stack key={part} gap={4}>
                  <Group justify="flex-end">
                    <VariableMenu
                      variables={detail.variables}
                      label={t('templates.insertVariableIn', { part: partWord(part), locale: localeWord(locale) })}
                      onPick={(snippet) => insert(locale, part, snippet)}
                    />
                  </Group>
                  <Textarea
                    label={fieldLabel}
                    ref={(el) => {
                      refs.current[`${locale}.${part}`] = el;
                    }}
                    value={parts[locale][part] ?? ''}
                    onChange={(e) => change(locale, part, e.currentTarget.value)}
                    autosize
                    minRows={part === 'subject' ? 1 : 6}
                    maxRows={part === 'subject' ? 3 : 18}
                    styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
                    error={error.length > 0 ? error.join(' · ') : undefined}
                    spellCheck={false}
                  />
                </Stack>
              );
            })}
          </Stack>
        ))}
      </SimpleGrid>

      <Group align="flex-end">
        <SegmentedControl
          aria-label={t('templates.previewOn')}
          value={target}
          onChange={(v) => setTarget(v as 'sample' | 'invoice')}
          data={[
            { value: 'sample', label: t('templates.sample') },
            { value: 'invoice', label: t('templates.invoice') },
          ]}
        />
        {target === 'invoice' && (
          <Select
            label={t('templates.invoicePicker')}
            placeholder={t('templates.invoicePickerPlaceholder')}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            data={pickerOptions(invoices.data?.items ?? [], invoice)}
            value={invoice?.id ?? null}
            onChange={(id) => {
              const row = invoices.data?.items.find((i) => i.id === id);
              setInvoice(row ? { id: row.id, number: row.number, label: `${row.number} — ${row.customerName}` } : id === invoice?.id ? invoice : null);
            }}
            filter={({ options }) => options}
            nothingFoundMessage={t('common.none')}
          />
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {TEMPLATE_LOCALES.map((locale) => (
          <TemplatePreview key={locale} channel={detail.channel} locale={locale} parts={parts[locale]} invoiceId={invoiceId} />
        ))}
      </SimpleGrid>

      <Group align="flex-end">
        <TextInput
          label={t('templates.comment')}
          placeholder={t('templates.commentPlaceholder')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          w={420}
          maxLength={500}
        />
        <Button onClick={submit} loading={save.isPending}>
          {t('templates.save')}
        </Button>
        {TEMPLATE_LOCALES.map((locale) => (
          <TestSendButton key={locale} detail={detail} locale={locale} parts={parts[locale]} invoice={target === 'invoice' ? invoice : null} />
        ))}
      </Group>
      {problems.length > 0 && (
        <Alert color="red" title={t('templates.problems')} data-testid="template-save-problems">
          {problems.map((p, i) => (
            <Text key={i} size="sm">
              {p.part && p.locale ? t('templates.problemIn', { part: partWord(p.part), locale: localeWord(p.locale), message: p.message }) : p.message}
            </Text>
          ))}
        </Alert>
      )}
      {message && (
        <Alert color="green" role="status" data-testid="template-save-message">
          {message}
        </Alert>
      )}
      <TemplateVersions detail={detail} onRestored={setMessage} />
    </Stack>
  );
}
