import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { useAgencies, useMe, useSettings } from '../api/queries';
import { LateRatesCard } from './LateRatesCard';
import { DerogationsCard } from '../payment-terms/DerogationsCard';
import { PolicySettingsCard } from './PolicySettingsCard';
import { ScoreImportCard } from '../solvency/ScoreImportCard';
import { SolvencySettingsCard } from '../solvency/SolvencySettingsCard';
import { ClaimLimitationSettingsCard } from '../claims/ClaimLimitationSettingsCard';
import { CreditorIdentityCard } from './CreditorIdentityCard';
import { CreditorWarning } from './CreditorWarning';
import { SendingDefaultsCard } from './SendingDefaultsCard';
import { SafeModeCard } from './SafeModeCard';
import { AgenciesCard } from './AgenciesCard';
import { AssignmentRulesCard } from './AssignmentRulesCard';

/** A titled part of the settings page; its id is the anchor links point to (/settings#creditor-identity). */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack component="section" aria-labelledby={`${id}-title`} id={id} gap="xs">
      <Title order={4} id={`${id}-title`}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The admin's settings: who the messages come from, when they go, the agencies and their keys, which flow each invoice gets, then the policies and rates. */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  const agencies = useAgencies();
  const me = useMe();
  const { hash } = useLocation();
  const loaded = !!settings.data;
  // A link to a section (the dashboard's warning) scrolls to it once the page has its data.
  useEffect(() => {
    if (loaded && hash) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [loaded, hash]);
  if (settings.isError) return <Alert color="red">{t('common.loadFailed', { message: (settings.error as Error).message })}</Alert>;
  if (!settings.data) return <Loader />;
  return (
    <Stack gap="xl">
      <Title order={3}>{t('settings.title')}</Title>
      <CreditorWarning withLink={false} />
      <Section id="creditor-identity" title={t('adminSettings.sections.creditor')}>
        {/* Keyed by what was saved: the form starts again from the stored values after a save. */}
        <CreditorIdentityCard key={JSON.stringify(settings.data.creditor)} settings={settings.data} />
      </Section>
      <Section id="sending" title={t('adminSettings.sections.sending')}>
        <SendingDefaultsCard key={JSON.stringify(settings.data.sending)} settings={settings.data} />
      </Section>
      <Section id="safe-mode" title={t('safeMode.title')}>
        <SafeModeCard key={JSON.stringify(settings.data.safeMode)} safeMode={settings.data.safeMode} />
      </Section>
      <Section id="agencies" title={t('adminSettings.sections.agencies')}>
        {agencies.data ? <AgenciesCard agencies={agencies.data} isAdmin={me.data?.role === 'admin'} /> : <Loader size="sm" />}
      </Section>
      <Section id="assignment-rules" title={t('adminSettings.sections.rules')}>
        <AssignmentRulesCard />
      </Section>
      <Section id="policies" title={t('adminSettings.sections.other')}>
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
      </Section>
      {!agencies.data && agencies.isError && <Text c="red.8">{t('common.loadFailed', { message: (agencies.error as Error).message })}</Text>}
    </Stack>
  );
}
