import { Button, Menu, ScrollArea, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TemplateDetail } from '../api/templates-queries';

/** The variables a template may use, each with its meaning; picking one inserts its Handlebars at the cursor. */
export function VariableMenu({ variables, label, onPick }: { variables: TemplateDetail['variables']; label: string; onPick: (insert: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('fr') ? 'fr' : 'en';
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="compact-xs" variant="light" aria-label={label}>
          {t('templates.insertVariable')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('templates.variablesHelp')}</Menu.Label>
        <ScrollArea.Autosize mah={320}>
          {variables.map((v) => (
            <Menu.Item key={v.path} onClick={() => onPick(v.insert)}>
              <Text size="sm" ff="monospace">
                {v.path}
              </Text>
              <Text size="xs" c="dimmed">
                {v.meaning[lang]}
              </Text>
            </Menu.Item>
          ))}
        </ScrollArea.Autosize>
      </Menu.Dropdown>
    </Menu>
  );
}
