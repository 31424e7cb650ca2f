import { Alert, Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useExperiments } from '../api/experiments-queries';
import { describeError } from '../common/errors';
import { ExperimentForm } from './ExperimentForm';
import { ExperimentsTable } from './ExperimentsTable';

/** Flow experiments: the list, newest first, and the form that starts one. */
export function ExperimentsPage() {
  const { t } = useTranslation();
  const experiments = useExperiments();
  const [creating, setCreating] = useState(false);
  return (
    <Stack>
      <Anchor component={Link} to="/flows" size="sm">
        ← {t('experiments.backToFlows')}
      </Anchor>
      <Group justify="space-between">
        <Title order={3}>{t('experiments.title')}</Title>
        {!creating && <Button onClick={() => setCreating(true)}>{t('experiments.new')}</Button>}
      </Group>
      <Text size="sm" c="dimmed" maw={820}>
        {t('experiments.intro')}
      </Text>
      {creating && <ExperimentForm onDone={() => setCreating(false)} />}
      {experiments.isLoading && <Loader size="sm" />}
      {experiments.isError && <Alert color="red">{t('common.loadFailed', { message: describeError(experiments.error, t).message })}</Alert>}
      {experiments.data && <ExperimentsTable experiments={experiments.data} />}
    </Stack>
  );
}
