import { Alert, Button, Card, Group, Loader, NumberInput, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClaimLimitationSettingsValues, useClaimLimitationSettings, useSaveClaimLimitationSettings } from '../api/claims-queries';
import { useNotifyError } from '../common/notify';

/** The limitation periods (L110-4: 5 years, L218-2: 2 years; Code civil 2254: 1 to 10) and the alert window (90 days). */
export function ClaimLimitationSettingsCard() {
  const settings = useClaimLimitationSettings();
  if (!settings.data) return <Loader size="sm" />;
  return <ClaimLimitationForm key={JSON.stringify(settings.data)} settings={settings.data} />;
}

function ClaimLimitationForm({ settings }: { settings: ClaimLimitationSettingsValues }) {
  const { t } = useTranslation();
  const save = useSaveClaimLimitationSettings();
  const notifyError = useNotifyError();
  const [companyYears, setCompanyYears] = useState<number | string>(settings.companyYears);
  const [personYears, setPersonYears] = useState<number | string>(settings.personYears);
  const [alertDays, setAlertDays] = useState<number | string>(settings.alertDays);
  const [saved, setSaved] = useState(false);
  return (
    <Card withBorder data-testid="claim-limitation-settings">
      <Title order={5}>{t('legalClaims.settingsTitle')}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('legalClaims.periodsHelp')}
      </Text>
      <Group align="flex-end">
        <NumberInput
          label={t('legalClaims.companyYears')}
          description={t('legalClaims.companyYearsHelp')}
          min={1}
          max={10}
          allowDecimal={false}
          value={companyYears}
          onChange={setCompanyYears}
        />
        <NumberInput
          label={t('legalClaims.personYears')}
          description={t('legalClaims.personYearsHelp')}
          min={1}
          max={10}
          allowDecimal={false}
          value={personYears}
          onChange={setPersonYears}
        />
        <NumberInput
          label={t('legalClaims.alertDays')}
          description={t('legalClaims.alertDaysHelp')}
          min={0}
          max={3650}
          allowDecimal={false}
          value={alertDays}
          onChange={setAlertDays}
        />
        <Button
          loading={save.isPending}
          onClick={async () => {
            setSaved(false);
            try {
              await save.mutateAsync({ companyYears: Number(companyYears), personYears: Number(personYears), alertDays: Number(alertDays) });
              setSaved(true);
            } catch (error) {
              notifyError(error);
            }
          }}
        >
          {t('legalClaims.save')}
        </Button>
      </Group>
      {saved && (
        <Alert color="green" mt="xs" withCloseButton onClose={() => setSaved(false)}>
          {t('legalClaims.saved')}
        </Alert>
      )}
    </Card>
  );
}
