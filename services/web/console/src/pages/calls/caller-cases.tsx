import { Anchor, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemOf, fieldMessage } from '../../components/api-errors';
import { fastDateTime } from '../../components/fast-format';
import { SlaBadge } from '../../components/sla-badge';
import type { useCallerCases } from './use-caller-cases';

/** The caller's earlier open cases, as the operator types the number (read out politely). */
export function CallerCases({ lookup }: { lookup: ReturnType<typeof useCallerCases> }) {
  const { t } = useTranslation();
  let body;
  if (!lookup.hasNumber) {
    body = (
      <Text size="sm" c="gray.7">
        {t('calls.lookup.hint')}
      </Text>
    );
  } else if (lookup.isFetching || lookup.isWaiting) {
    body = <Loader size="sm" aria-label={t('calls.lookup.searching')} />;
  } else if (lookup.isError) {
    const p = problemOf(lookup.error);
    body = (
      <Text size="sm" c="red.9">
        {p.fields[0] ? fieldMessage(p.fields[0]) : t('common.error')}
      </Text>
    );
  } else if (lookup.data && lookup.data.cases.length === 0) {
    body = <Text size="sm">{t('calls.lookup.none')}</Text>;
  } else if (lookup.data) {
    body = (
      <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {lookup.data.cases.map((c) => (
          <li key={c.trackingCode} data-testid="caller-case">
            <Anchor component={Link} to={`/cases/${c.trackingCode}`} fw={700} target="_blank">
              {c.trackingCode}
            </Anchor>{' '}
            <SlaBadge state={c.slaState} isPaused={c.status === 'awaiting_citizen'} />
            <Text size="xs" c="gray.7">
              {t(`case.status.${c.status}`)} · {c.categoryName} · {fastDateTime(c.receivedAt)}
              {c.unitName ? ` · ${c.unitName}` : ''}
            </Text>
            <Text size="sm" lineClamp={2}>
              {c.text}
            </Text>
          </li>
        ))}
      </Stack>
    );
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="caller-cases-title">
      <Title order={3} size="h5" id="caller-cases-title" mb="xs">
        {lookup.data && lookup.data.cases.length > 0
          ? t('calls.lookup.titleCount', { count: lookup.data.cases.length })
          : t('calls.lookup.title')}
      </Title>
      <div aria-live="polite" data-testid="caller-cases">
        {body}
      </div>
    </Paper>
  );
}
