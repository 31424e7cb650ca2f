import { Alert, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAgencies, useSettings } from '../api/queries';
import { LateRatesCard } from './LateRatesCard';
import { DerogationsCard } from '../payment-terms/DerogationsCard';
import { PolicySettingsCard } from './PolicySettingsCard';
import { ScoreImportCard } from '../solvency/ScoreImportCard';
import { SolvencySettingsCard } from '../solvency/SolvencySettingsCard';
import { ClaimLimitationSettingsCard } from '../claims/ClaimLimitationSettingsCard';

/** The admin's settings: provisions, daily caps, the default agency, and the legal late-interest rates. */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  const agencies = useAgencies();
  if (settings.isError) return <Alert color="red">{t('common.loadFailed', { message: (settings.error as Error).message })}</Alert>;
  if (!settings.data) return <Loader />;
  return (
    <Stack>
      <Title order={3}>{t('settings.title')}</Title>
      {/* Keyed by what was saved: the form starts again from the stored values after a save. */}
      <PolicySettingsCard
        key={JSON.stringify([settings.data.provisionRatePercent, settings.data.dailyCap, settings.data.defaultAgencyId, agencies.data?.length])}
        settings={settings.data}
        agencies={agencies.data ?? []}
      />
      <LateRatesCard settings={settings.data} />
      <DerogationsCard key={JSON.stringify(settings.data.paymentTermDerogations)} derogations={settings.data.paymentTermDerogations} />
      <SolvencySettingsCard />
      <ClaimLimitationSettingsCard />
      <ScoreImportCard />
    </Stack>
  );
}
