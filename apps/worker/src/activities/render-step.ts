import type { ReminderTemplateContext, RenderedTemplate, SavedTemplate, TemplateChannel } from '@dunning/templating';
import type { ActivityDependencies } from './ports';

/** The template versions saved in the app (message_templates): the latest of a channel/name/locale is sent; none, the file on disk. */
export interface TemplateVersions {
  latest(channel: TemplateChannel, name: string, locale: string): Promise<SavedTemplate | undefined>;
}

/**
 * Renders a step's template as it stands at send time: the latest version saved in the app, read
 * now (an edit made while the invoice waited is what goes out), else the default on disk. Answers
 * the version used (undefined: the default).
 */
export async function renderStep(
  deps: Pick<ActivityDependencies, 'renderer' | 'templates'>,
  channel: TemplateChannel,
  name: string,
  locale: string,
  context: ReminderTemplateContext,
): Promise<RenderedTemplate & { templateVersion?: number }> {
  const saved = await deps.templates.latest(channel, name, locale);
  const rendered = deps.renderer.render(channel, name, locale, context, saved);
  return saved ? { ...rendered, templateVersion: saved.version } : rendered;
}
