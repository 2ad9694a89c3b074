import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { ensureOk } from '../components/admin/api-errors';
import { formProblems } from '../components/api-errors';
import { useSession } from '../auth/session';

/**
 * Shown instead of the console while the session may only change its password (a temporary
 * password from `hotline admin create` or a reset): every other call answers
 * PASSWORD_CHANGE_REQUIRED until then.
 */
export function PasswordChangePage() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<string, string>>>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setFieldErrors({});
    if (next !== repeat) {
      setFieldErrors({ repeat: t('passwordChange.mismatch') });
      return;
    }
    setBusy(true);
    try {
      ensureOk(await api.POST('/v1/auth/password', { body: { current, new: next } }));
      await refresh();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'INVALID_CREDENTIALS') {
        setFieldErrors({ current: t('errors.reason.current_password_wrong') });
        return;
      }
      const { byField, rest } = formProblems(e, ['current', 'new']);
      setFieldErrors(byField);
      setError(rest);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper component="main" withBorder shadow="sm" p="xl" w={400} maw="100%">
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            <Title order={1} size="h4">
              {t('passwordChange.title')}
            </Title>
            <Text size="sm">{t('passwordChange.intro')}</Text>
            {error && (
              <Alert color="red" role="alert" title={t('passwordChange.failed')}>
                {error}
              </Alert>
            )}
            <PasswordInput
              label={t('passwordChange.current')}
              name="current"
              autoComplete="current-password"
              required
              autoFocus
              error={fieldErrors.current}
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('passwordChange.new')}
              name="new"
              autoComplete="new-password"
              required
              minLength={12}
              error={fieldErrors.new}
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('passwordChange.repeat')}
              name="repeat"
              autoComplete="new-password"
              required
              error={fieldErrors.repeat}
              value={repeat}
              onChange={(e) => setRepeat(e.currentTarget.value)}
            />
            <Button type="submit" loading={busy}>
              {t('passwordChange.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
