import {
  Alert,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, setCsrfToken, unwrap } from '../api/client';
import { formProblems } from '../components/api-errors';
import { TotpEnrolment } from './sign-in/totp-enrolment';

/**
 * Sign-in with e-mail or username and password, and the TOTP code when the account has one; an
 * administrator without one enrols first (TOTP_ENROLLMENT_REQUIRED), then signs in with it.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [enrolling, setEnrolling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<string, string>>>({});
  const [busy, setBusy] = useState(false);

  async function signInWith(code: string) {
    const me = unwrap(
      await api.POST('/v1/auth/sign-in', {
        body: { login, password, ...(code ? { totp: code } : {}) },
      }),
    );
    setCsrfToken(me.csrfToken);
    client.setQueryData(['me'], me);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      await signInWith(totp);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'TOTP_ENROLLMENT_REQUIRED') {
        setEnrolling(true);
        return;
      }
      if (e instanceof ApiError && /TOTP/.test(e.code)) setNeedsTotp(true);
      const { byField, rest } = formProblems(e, ['login', 'password', 'totp']);
      setFieldErrors(byField);
      setError(rest);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper component="main" withBorder shadow="sm" p="xl" w={400} maw="100%">
        <div>
          <Title order={1} size="h3">
            {t('app.title')}
          </Title>
          <Text c="dimmed" size="sm" mb="md">
            {t('app.subtitle')}
          </Text>
        </div>
        {enrolling ? (
          <TotpEnrolment login={login} password={password} onEnrolled={signInWith} />
        ) : (
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Stack>
              <Title order={2} size="h4">
                {t('signIn.title')}
              </Title>
              {error && (
                <Alert color="red" role="alert" title={t('signIn.failed')}>
                  {error}
                </Alert>
              )}
              <TextInput
                label={t('signIn.login')}
                name="login"
                autoComplete="username"
                required
                autoFocus
                error={fieldErrors.login}
                value={login}
                onChange={(e) => setLogin(e.currentTarget.value)}
              />
              <PasswordInput
                label={t('signIn.password')}
                name="password"
                autoComplete="current-password"
                required
                error={fieldErrors.password}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              {needsTotp && (
                <TextInput
                  label={t('signIn.totp')}
                  name="totp"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  error={fieldErrors.totp}
                  value={totp}
                  onChange={(e) => setTotp(e.currentTarget.value)}
                />
              )}
              <Button type="submit" loading={busy}>
                {t('signIn.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </Paper>
    </Center>
  );
}
