import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Loader,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { problemOf } from '../../components/api-errors';
import { remainingText, SlaBadge } from '../../components/sla-badge';
import { StatusBadge } from '../../components/status-badge';
import { CaseActions } from './case-actions';
import {
  CaseContact,
  CaseDeadlines,
  CaseFacts,
  CaseFilesAndRelated,
  CaseTimeline,
} from './case-sections';
import { useDurationText } from './duration-text';
import contrast from '../../components/contrast.module.css';

/** /cases/:id — one case with everything an official needs to act on it. */
export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const durationText = useDurationText();
  const queryKey = ['case', id] as const;
  const query = useQuery({
    queryKey,
    queryFn: async () =>
      unwrap(await api.GET('/v1/cases/{id}/detail', { params: { path: { id } } })),
    // The page records a view of the contact each time it is read: no background polling.
    refetchOnWindowFocus: false,
    retry: (n, e) => problemOf(e).status >= 500 && n < 1,
  });

  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError) {
    const p = problemOf(query.error);
    return (
      <Alert
        color="red"
        role="alert"
        title={p.status === 404 ? t('case.notFound') : t('common.error')}
      >
        <Group gap="xs">
          <Anchor component={Link} to="/">
            {t('case.back')}
          </Anchor>
          {p.status !== 404 && (
            <Button size="xs" variant="white" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </Button>
          )}
        </Group>
      </Alert>
    );
  }
  const detail = query.data;
  const resolution = detail.sla.clocks.find((c) => c.target === 'resolution');
  return (
    <Stack gap="md" className={contrast.aa}>
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap" align="center">
          <Title order={2}>{t('case.title', { code: detail.trackingCode })}</Title>
          <StatusBadge status={detail.status} />
          <SlaBadge state={detail.sla.state} isPaused={detail.sla.isPaused} />
          {(detail.priority === 'urgent' || detail.priority === 'high') && (
            <Badge color="red" variant="outline" c="red.9" tt="none">
              {t(`case.priority.${detail.priority}`)}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="gray.7" data-testid="case-summary">
          {detail.category.name} · {detail.unit?.name ?? t('case.noUnit')} ·{' '}
          {detail.assignee?.name ?? t('queue.noAssignee')}
          {resolution?.dueAt && (
            <>
              {' · '}
              {t('case.timeLeft', {
                text: remainingText(
                  t,
                  resolution.remainingWorkingMs,
                  resolution.state === 'paused',
                  resolution.dueAt,
                ),
              })}
            </>
          )}
        </Text>
      </Stack>
      <CaseActions detail={detail} queryKey={queryKey} />
      {detail.pendingExtension && (
        <Alert
          color="blue"
          title={t('case.extension.pending', {
            duration: durationText(detail.pendingExtension.duration),
          })}
        >
          {detail.pendingExtension.reason}
        </Alert>
      )}
      {detail.pendingResolution && (
        <Alert color="blue" title={t('case.pendingResolution')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {detail.pendingResolution}
          </Text>
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <CaseFacts detail={detail} />
            <CaseTimeline detail={detail} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <CaseDeadlines detail={detail} />
            <CaseContact detail={detail} />
            <CaseFilesAndRelated detail={detail} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
