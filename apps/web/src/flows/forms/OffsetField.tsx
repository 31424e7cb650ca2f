import { Badge, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Anchor, type DayType, type Direction, MAX_OFFSET_DAYS, applyDaysText, directionOf, offsetCode, offsetSentence, parseDaysText } from './offset';

const ANCHORS: Anchor[] = ['due_date', 'issue_date', 'previous_step'];

/**
 * A wait's date as people say it: [5] [days before] [the due date] — "5 days before the due date (J-5)".
 * Typing "-5" or "−5" picks "before", "+5" "after", a bare "5" keeps the choice; the days box is
 * never reformatted while typed. Edits the wait's `offsetDays` and `anchor`.
 */
export function OffsetField({
  offset,
  anchor,
  dayType,
  anchors = ANCHORS,
  error,
  onChange,
}: {
  offset: number | undefined;
  anchor: Anchor | undefined;
  dayType: DayType | undefined;
  anchors?: readonly Anchor[];
  error?: string;
  onChange: (patch: { offsetDays?: number; anchor?: Anchor }) => void;
}) {
  const { t } = useTranslation();
  const [direction, setDirection] = useState<Direction>(directionOf(offset ?? 0));
  const [text, setText] = useState(offset === undefined ? '' : String(Math.abs(offset)));
  const [local, setLocal] = useState<string>();
  useEffect(() => {
    if (offset === undefined) return;
    setDirection((chosen) => directionOf(offset, chosen));
    if (parseDaysText(text).days !== Math.abs(offset)) setText(String(Math.abs(offset)));
  }, [offset]);
  const type = dayType ?? 'calendar';
  return (
    <Stack gap={4}>
      <Group gap="xs" align="flex-start" grow>
        <TextInput
          label={t('stepForms.offset.days')}
          description={t('stepForms.offset.daysHelp')}
          inputMode="text"
          value={text}
          error={local ?? error}
          data-testid="wait-days"
          onChange={(e) => {
            const next = e.currentTarget.value;
            setText(next);
            const edit = applyDaysText(next, direction);
            setDirection(edit.direction);
            if ('offset' in edit) {
              setLocal(undefined);
              onChange({ offsetDays: edit.offset });
            } else setLocal(edit.error && t(`stepForms.offset.${edit.error}`, { max: MAX_OFFSET_DAYS }));
          }}
          onBlur={() => {
            setLocal(undefined);
            setText(offset === undefined ? '' : String(Math.abs(offset)));
          }}
        />
        <Select
          label={t('stepForms.offset.direction')}
          allowDeselect={false}
          data-testid="wait-direction"
          data={(['before', 'after'] as const).map((d) => ({ value: d, label: t(`stepForms.offset.${d}`) }))}
          value={direction}
          onChange={(v) => {
            const next: Direction = v === 'before' ? 'before' : 'after';
            setDirection(next);
            if (offset !== undefined && offset !== 0) onChange({ offsetDays: next === 'before' ? -Math.abs(offset) : Math.abs(offset) });
          }}
        />
      </Group>
      <Select
        label={t('stepForms.offset.anchor')}
        allowDeselect={false}
        data-testid="wait-anchor"
        data={anchors.map((a) => ({ value: a, label: t(`stepForms.offset.anchors.${a}`) }))}
        value={anchor ?? null}
        onChange={(v) => onChange({ anchor: anchors.find((a) => a === v) })}
      />
      {offset !== undefined && anchor && (
        <Group gap="xs" data-testid="wait-summary" aria-live="polite">
          <Badge variant="light" size="lg" data-testid="wait-code">
            {offsetCode(anchor, offset, t)}
          </Badge>
          <Text size="sm">{offsetSentence(anchor, offset, type, t)}</Text>
        </Group>
      )}
    </Stack>
  );
}
