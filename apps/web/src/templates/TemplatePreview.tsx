import { Alert, Card, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { previewTemplateDraft } from '../api/templates-queries';
import type { TemplateDetail } from '../api/templates-queries';
import { type FieldProblem, type TemplateLocale, problemsOf } from './template-editing';

/** One locale's draft rendered live (debounced) on sample data or on the chosen invoice; what cannot render is named by part and variable. */
export function TemplatePreview(props: {
  channel: TemplateDetail['channel'];
  locale: TemplateLocale;
  parts: Record<string, string>;
  invoiceId?: string;
  onProblems?: (p: FieldProblem[]) => void;
}) {
  const { t } = useTranslation();
  const [draft] = useDebouncedValue(props.parts, 500);
  const preview = useQuery({
    queryKey: ['template-preview', props.channel, props.locale, draft, props.invoiceId],
    queryFn: () => previewTemplateDraft({ channel: props.channel, locale: props.locale, parts: draft, invoiceId: props.invoiceId }),
    retry: false,
    placeholderData: (previous) => previous,
  });
  const problems = preview.error instanceof ApiError ? problemsOf(preview.error.body, props.locale) : [];
  const partWord = (part?: string) => (part ? t(`templates.parts.${part}`) : '');
  const localeWord = t(`templates.locales.${props.locale}`);
  const rendered = preview.data;
  const html = rendered?.html ?? (props.channel === 'letter' ? rendered?.body : undefined);
  const text = props.channel === 'email' ? rendered?.text : props.channel === 'letter' ? undefined : rendered?.body;
  return (
    <Card withBorder component="section" aria-label={t('templates.previewOf', { locale: localeWord })} data-testid={`template-preview-${props.locale}`}>
      <Stack gap="xs">
        <Title order={5}>{t('templates.previewOf', { locale: localeWord })}</Title>
        {preview.isFetching && (
          <Text size="xs" c="dimmed" role="status">
            <Loader size="xs" /> {t('templates.previewing')}
          </Text>
        )}
        {problems.length > 0 ? (
          <Alert color="red" title={t('templates.problems')} data-testid={`template-problems-${props.locale}`}>
            {problems.map((p, i) => (
              <Text key={i} size="sm">
                {p.part ? t('templates.problemIn', { part: partWord(p.part), locale: localeWord, message: p.message }) : p.message}
              </Text>
            ))}
          </Alert>
        ) : preview.error ? (
          <Alert color="red">{(preview.error as Error).message}</Alert>
        ) : (
          rendered && (
            // The message in its own language, whatever the UI's: screen readers read it so.
            <div lang={props.locale}>
              {rendered.subject !== undefined && (
                <Text fw={600} data-testid={`template-preview-subject-${props.locale}`}>
                  {rendered.subject}
                </Text>
              )}
              {html !== undefined && (
                <iframe
                  title={t('templates.previewOf', { locale: localeWord })}
                  sandbox=""
                  srcDoc={html}
                  style={{ width: '100%', height: 360, border: '1px solid #ced4da', background: '#fff' }}
                />
              )}
              {text !== undefined && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid={`template-preview-text-${props.locale}`}>
                  {text}
                </Text>
              )}
            </div>
          )
        )}
      </Stack>
    </Card>
  );
}
