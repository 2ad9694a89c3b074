import {
  Alert,
  Anchor,
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
import type { paths } from '../api/schema';
import { formProblems } from '../components/api-errors';
import { TotpEnrolment } from './sign-in/totp-enrolment';
import { RecoveryCodesLeft } from './sign-in/recovery-codes';

type Me = paths['/v1/auth/sign-in']['post']['responses'][200]['content']['application/json'];

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
  const [useRecovery, setUseRecovery] = useState(false);
  const [recoveryCode, setRecoveryCode] = useState('');
  // Signed in, held back until the official has read what the step before showed.
  const [pending, setPending] = useState<Me | null>(null);
  const [enrolled, setEnrolled] = useState<Me | null>(null);
  const [enrolling, setEnrolling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<string, string>>>({});
  const [busy, setBusy] = useState(false);

  async function signInWith(second: { totp?: string; recoveryCode?: string }) {
    const me = unwrap(
      await api.POST('/v1/auth/sign-in', {
        body: {
          login,
          password,
          ...(second.totp ? { totp: second.totp } : {}),
          ...(second.recoveryCode ? { recoveryCode: second.recoveryCode } : {}),
        },
      }),
    );
    setCsrfToken(me.csrfToken);
    return me;
  }
  const enter = (me: Me) => client.setQueryData(['me'], me);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const me = await signInWith(useRecovery ? { recoveryCode } : { totp });
      if (me.recoveryCodesLeft === undefined) enter(me);
      else setPending(me);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'TOTP_ENROLLMENT_REQUIRED') {
        setEnrolling(true);
        return;
      }
      if (e instanceof ApiError && /TOTP/.test(e.code)) setNeedsTotp(true);
      const { byField, rest } = formProblems(e, ['login', 'password', 'totp', 'recoveryCode']);
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
        {pending ? (
          <RecoveryCodesLeft left={pending.recoveryCodesLeft ?? 0} onDone={() => enter(pending)} />
        ) : enrolling ? (
          <TotpEnrolment
            login={login}
            password={password}
            signIn={async (code) => setEnrolled(await signInWith({ totp: code }))}
            onDone={() => enrolled && enter(enrolled)}
          />
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
              {needsTotp &&
                (useRecovery ? (
                  <TextInput
                    label={t('recoveryCodes.label')}
                    name="recoveryCode"
                    autoComplete="off"
                    autoCapitalize="characters"
                    spellCheck={false}
                    maxLength={24}
                    error={fieldErrors.recoveryCode}
                    value={recoveryCode}
                    onChange={(e) => setRecoveryCode(e.currentTarget.value)}
                  />
                ) : (
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
                ))}
              {needsTotp && (
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => setUseRecovery(!useRecovery)}
                >
                  {useRecovery ? t('recoveryCodes.useTotp') : t('recoveryCodes.use')}
                </Anchor>
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
