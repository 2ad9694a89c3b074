import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Image,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { RecoveryCodes } from './recovery-codes';
import { formProblems, problemOf } from '../../components/api-errors';

/** The secret in groups of four, easier to type into an app by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/**
 * First sign-in of an administrator without a second factor: the QR code and the secret from
 * POST /v1/auth/totp/enroll (with login and password: there is no session yet), then a code
 * from the app to confirm. `signIn` uses that code at once (it is good for a minute or so),
 * then the recovery codes are shown once; `onDone` enters the console when they are saved.
 */
export function TotpEnrolment(props: {
  login: string;
  password: string;
  signIn: (code: string) => Promise<void>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { login, password } = props;
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const enrolment = useQuery({
    queryKey: ['totp-enrolment', login],
    queryFn: async () =>
      unwrap(await api.POST('/v1/auth/totp/enroll', { body: { login, password } })),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

  async function confirm(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setCodeError(undefined);
    try {
      const confirmed = unwrap(
        await api.POST('/v1/auth/totp/confirm', { body: { login, password, code } }),
      );
      await props.signIn(code);
      setRecoveryCodes(confirmed.recoveryCodes);
    } catch (e) {
      // A wrong code is the code field's problem; anything else goes above the form.
      if (e instanceof ApiError && e.code === 'TOTP_INVALID') {
        setCodeError(e.message);
        return;
      }
      const { byField, rest } = formProblems(e, ['code']);
      setCodeError(byField.code);
      setError(rest);
    } finally {
      setBusy(false);
    }
  }

  const data = enrolment.data;
  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={props.onDone} />;
  return (
    <form onSubmit={(e) => void confirm(e)} noValidate>
      <Stack>
        <Title order={2} size="h4">
          {t('totp.title')}
        </Title>
        <Text size="sm">{t('totp.intro')}</Text>
        {enrolment.error && (
          <Alert color="red" role="alert">
            {problemOf(enrolment.error).message}
          </Alert>
        )}
        {error && (
          <Alert color="red" role="alert" title={t('totp.failed')}>
            {error}
          </Alert>
        )}
        {data && (
          <>
            <Image src={data.qrCode} alt={t('totp.qrAlt')} w={200} h={200} mx="auto" />
            <Text size="sm">{t('totp.manual')}</Text>
            <Group gap="xs" wrap="nowrap">
              <Code data-testid="totp-secret" fz="md" style={{ wordBreak: 'break-all' }}>
                {grouped(data.secret)}
              </Code>
              <CopyButton value={data.secret}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy} style={{ flexShrink: 0 }}>
                    {copied ? t('totp.copied') : t('totp.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <TextInput
              label={t('signIn.totp')}
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              autoFocus
              error={codeError}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
            />
            <Button type="submit" loading={busy}>
              {t('totp.confirm')}
            </Button>
          </>
        )}
      </Stack>
    </form>
  );
}
