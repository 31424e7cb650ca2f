import { Alert, Button, Center, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogin } from '../api/queries';
import { LanguageSwitch } from '../common/LanguageSwitch';
import { formatWait, signInRetryAfter } from './sign-in-wait';
import { PasswordField } from '../common/PasswordField';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Too many failures lock the account and the address for a while (429): say for how long.
  const wait = signInRetryAfter(login.error);
  return (
    <Center component="main" h="100vh" bg="gray.0">
      <Paper component="form" w={360} p="xl" shadow="sm" withBorder onSubmit={(e) => (e.preventDefault(), login.mutate({ email, password }))}>
        <Stack>
          <Group justify="space-between">
            <Title order={1} size="h3">
              {t('login.title')}
            </Title>
            <LanguageSwitch />
          </Group>
          {login.isError && (
            <Alert color="red" data-testid="login-error">
              {wait !== undefined ? t('login.tooMany', { wait: formatWait(wait, i18n.language) }) : t('login.failed')}
            </Alert>
          )}
          <TextInput label={t('login.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <PasswordField label={t('login.password')} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Button type="submit" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
