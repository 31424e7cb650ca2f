import { Checkbox, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** ISO weekdays (1 = Monday … 7 = Sunday) as checkboxes named in the user's language. */
export function WeekdaysField({
  label,
  description,
  error,
  value,
  onChange,
}: {
  label: string;
  description?: string;
  error?: string;
  value: number[];
  onChange: (days: number[]) => void;
}) {
  const { i18n } = useTranslation();
  // 2024-01-01 was a Monday: day d of the ISO week is 2024-01-0d.
  const name = (day: number) => new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, day, 12)));
  return (
    <Checkbox.Group label={label} description={description} error={error} value={value.map(String)} onChange={(days) => onChange(days.map(Number).sort((a, b) => a - b))}>
      <Group gap="xs" mt={4}>
        {[1, 2, 3, 4, 5, 6, 7].map((day) => (
          <Checkbox key={day} value={String(day)} label={name(day)} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
