import { Alert, Button, Card, Group, Loader, NumberInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SolvencySettings, useSaveSolvencySettings, useSolvencySettings } from '../api/solvency-queries';
import { useNotifyError } from '../common/notify';

/** The score below which a drop raises an alert, and the credit-limit cut it makes (none by default). */
export function SolvencySettingsCard() {
  const settings = useSolvencySettings();
  if (!settings.data) return <Loader size="sm" />;
  return <SolvencySettingsForm key={JSON.stringify(settings.data)} settings={settings.data} />;
}

function SolvencySettingsForm({ settings }: { settings: SolvencySettings }) {
  const { t } = useTranslation();
  const save = useSaveSolvencySettings();
  const notifyError = useNotifyError();
  const [alertBelow, setAlertBelow] = useState<number | string>(settings.alertBelow);
  const [cut, setCut] = useState<number | string>(settings.lowerCreditLimitPercent ?? '');
  const [saved, setSaved] = useState(false);
  return (
    <Card withBorder data-testid="solvency-settings">
      <Title order={5} mb="xs">
        {t('solvency.settingsTitle')}
      </Title>
      <Group align="flex-end">
        <NumberInput
          label={t('solvency.alertBelow')}
          description={t('solvency.alertBelowHelp')}
          min={1}
          max={10}
          allowDecimal={false}
          value={alertBelow}
          onChange={setAlertBelow}
        />
        <NumberInput label={t('solvency.lowerCreditLimit')} description={t('solvency.lowerCreditLimitHelp')} min={1} max={100} allowDecimal={false} value={cut} onChange={setCut} />
        <Button
          loading={save.isPending}
          onClick={async () => {
            setSaved(false);
            try {
              await save.mutateAsync({ alertBelow: Number(alertBelow), lowerCreditLimitPercent: cut === '' ? null : Number(cut) });
              setSaved(true);
            } catch (error) {
              notifyError(error);
            }
          }}
        >
          {t('solvency.save')}
        </Button>
      </Group>
      {saved && (
        <Alert color="green" mt="xs" withCloseButton onClose={() => setSaved(false)}>
          {t('solvency.saved')}
        </Alert>
      )}
    </Card>
  );
}
