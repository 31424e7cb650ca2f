import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DeclarationsCard } from './DeclarationsCard';
import { ExposureCard } from './ExposureCard';
import { LimitsCard } from './LimitsCard';
import { PoliciesCard } from './PoliciesCard';

/** Credit insurance (assurance-crédit): policies, insured limits, declarations with their dossiers and indemnities, the exposure report. */
export function InsurancePage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('insurance.title')}</Title>
      <Alert color="blue" variant="light">
        {t('insurance.help')}
      </Alert>
      <ExposureCard />
      <DeclarationsCard />
      <LimitsCard />
      <PoliciesCard />
    </Stack>
  );
}
