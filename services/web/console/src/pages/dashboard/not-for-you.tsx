import { Alert, Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AA_ALERT } from '../../components/admin/aa-text';
import { Link } from 'react-router';

/** A page the official's roles do not open: said plainly, with the way back. */
export function NotForYou({ title, message }: { title: string; message: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={640}>
      <Title order={2}>{title}</Title>
      <Alert
        color="orange"
        variant="light"
        styles={AA_ALERT}
        title={t('dashboard.forbiddenTitle')}
        role="alert"
      >
        {message}
      </Alert>
      <Anchor component={Link} to="/">
        {t('dashboard.backHome')}
      </Anchor>
    </Stack>
  );
}
