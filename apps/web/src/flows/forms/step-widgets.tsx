import type { TemplateChannel } from '@dunning/domain';
import type { NodeKind } from '@dunning/flow';
import type { Widget } from '../editor/SchemaForm';
import { BranchBuilder, type BranchCase } from './BranchBuilder';
import type { SchemaIssue } from './issues';
import { type Anchor, type DayType } from './offset';
import { OffsetField } from './OffsetField';
import { AgencyPicker, SlaPicker, TemplatePicker, TimeField } from './Pickers';

/** The channel whose templates a step picks from (a call task's script is a `call` template). */
export const TEMPLATE_CHANNEL: Partial<Record<NodeKind, TemplateChannel>> = { email: 'email', sms: 'sms', letter: 'letter', call_task: 'call' };

/**
 * The plain inputs of a step kind's fields, by field name: the wait's "5 days before the due date",
 * the template, agency and deadline pickers, the branch builder. A field not named here gets the
 * form's input for its type, so a field added to a schema appears by itself.
 */
export function stepWidgets(kind: NodeKind, issueText: (issue: SchemaIssue) => string): Record<string, Widget> {
  const widgets: Record<string, Widget> = {};
  const channel = TEMPLATE_CHANNEL[kind];
  if (channel)
    for (const name of ['template', 'script'])
      widgets[name] = {
        render: ({ field, value, onChange, label, description, error }) => (
          <TemplatePicker
            channel={channel}
            optional={field.optional}
            label={label}
            description={description}
            error={error}
            value={value[name] as string | undefined}
            onChange={(v) => onChange({ [name]: v })}
          />
        ),
      };
  widgets.offsetDays = {
    consumes: ['anchor'],
    render: ({ value, onChange, error }) => (
      <OffsetField
        offset={value.offsetDays as number | undefined}
        anchor={value.anchor as Anchor | undefined}
        dayType={value.dayType as DayType | undefined}
        error={error}
        onChange={(patch) => onChange(patch)}
      />
    ),
  };
  widgets.at = {
    render: ({ value, onChange, label, description, error }) => (
      <TimeField label={label} description={description} error={error} value={value.at as string | undefined} onChange={(at) => onChange({ at })} />
    ),
  };
  widgets.agencyId = {
    render: ({ value, onChange, label, description, error }) => (
      <AgencyPicker label={label} description={description} error={error} value={value.agencyId as string | undefined} onChange={(agencyId) => onChange({ agencyId })} />
    ),
  };
  widgets.slaHours = {
    render: ({ value, onChange, label, description, error }) => (
      <SlaPicker label={label} description={description} error={error} value={value.slaHours as number | undefined} onChange={(slaHours) => onChange({ slaHours })} />
    ),
  };
  widgets.cases = {
    render: ({ value, onChange, label, description, issues }) => (
      <BranchBuilder
        label={label}
        description={description}
        cases={(value.cases as BranchCase[] | undefined) ?? []}
        issues={issues}
        issueText={issueText}
        onChange={(cases) => onChange({ cases })}
      />
    ),
  };
  return widgets;
}
