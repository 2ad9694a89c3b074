import { Alert, Button, CopyButton, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A text file of the codes, so they can be printed or kept off this computer. */
function download(codes: string[], heading: string) {
  const blob = new Blob([`${heading}\n\n${codes.join('\n')}\n`], { type: 'text/plain' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = 'hotline-recovery-codes.txt';
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * The recovery codes, shown this once after enrolment: the server keeps only their hashes, so
 * the official copies, downloads or writes them down before going on.
 */
export function RecoveryCodes(props: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { codes } = props;
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('recoveryCodes.title')}
      </Title>
      <Alert color="yellow" role="note">
        {t('recoveryCodes.intro')}
      </Alert>
      <SimpleGrid
        cols={2}
        spacing="xs"
        data-testid="recovery-codes"
        component="ol"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {codes.map((code) => (
          <Text component="li" key={code} ff="monospace" fz="md" ta="center">
            {code}
          </Text>
        ))}
      </SimpleGrid>
      <Group grow>
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {copied ? t('totp.copied') : t('recoveryCodes.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="light" onClick={() => download(codes, t('recoveryCodes.fileHeading'))}>
          {t('recoveryCodes.download')}
        </Button>
      </Group>
      <Button onClick={props.onDone}>{t('recoveryCodes.done')}</Button>
    </Stack>
  );
}

/** After a sign-in with a recovery code: how many are left, before going on. */
export function RecoveryCodesLeft(props: { left: number; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert
        color={props.left <= 2 ? 'red' : 'yellow'}
        role="note"
        title={t('recoveryCodes.usedTitle')}
      >
        {t('recoveryCodes.left', { count: props.left })}
      </Alert>
      <Button onClick={props.onDone}>{t('recoveryCodes.continue')}</Button>
    </Stack>
  );
}
