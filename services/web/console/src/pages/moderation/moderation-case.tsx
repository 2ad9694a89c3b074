import {
  Alert,
  Anchor,
  Button,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { formProblems, problemOf } from '../../components/api-errors';
import { StatusBadge } from '../../components/status-badge';
import contrast from '../../components/contrast.module.css';
import { PublicationBadge } from './moderation-queue';

/** An error the API gave, in the console's language where it said it per field. */
function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const p = problemOf(error);
  return (
    <Alert color="red" role="alert" title={t('common.error')}>
      {p.message}
    </Alert>
  );
}

/**
 * /moderation/:id — the original text and answer beside the public version (redacted,
 * editable), with Approve and Refuse (with a reason). The API redacts an edited version again.
 */
export function ModerationCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['moderation', 'case', id],
    queryFn: async () =>
      unwrap(await api.GET('/v1/moderation/cases/{id}', { params: { path: { id } } })),
    refetchOnWindowFocus: false,
    retry: (n, e) => problemOf(e).status >= 500 && n < 1,
  });
  const [publicText, setPublicText] = useState('');
  const [publicAnswer, setPublicAnswer] = useState('');
  const [isRefusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const data = query.data;
  useEffect(() => {
    if (!data) return;
    setPublicText(data.public.text);
    setPublicAnswer(data.public.answer ?? '');
  }, [data]);

  const settle = async (next: NonNullable<typeof data>) => {
    client.setQueryData(['moderation', 'case', id], next);
    setRefusing(false);
    setReason('');
    await client.invalidateQueries({ queryKey: ['moderation', 'queue'] });
  };
  const approve = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/v1/moderation/cases/{id}/approve', {
          params: { path: { id } },
          body: { publicText, publicAnswer },
        }),
      ),
    onSuccess: settle,
  });
  const refuse = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/v1/moderation/cases/{id}/refuse', {
          params: { path: { id } },
          body: { reason },
        }),
      ),
    onSuccess: settle,
  });

  // The API's problems with a field are shown at the field too.
  const approveErrors = approve.isError
    ? formProblems(approve.error, ['publicText', 'publicAnswer']).byField
    : {};
  const refuseErrors = refuse.isError ? formProblems(refuse.error, ['reason']).byField : {};

  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError) {
    const p = problemOf(query.error);
    return (
      <Alert
        color="red"
        role="alert"
        title={p.status === 404 ? t('case.notFound') : t('common.error')}
      >
        <Anchor component={Link} to="/moderation">
          {t('moderation.back')}
        </Anchor>
      </Alert>
    );
  }
  const c = query.data;
  const blocked = c.cannotApprove;
  const busy = approve.isPending || refuse.isPending;
  return (
    <Stack gap="md" className={contrast.aa}>
      <Anchor component={Link} to="/moderation" size="sm">
        {t('moderation.back')}
      </Anchor>
      <Group gap="sm" align="center">
        <Title order={2}>{t('moderation.caseTitle', { code: c.trackingCode })}</Title>
        <StatusBadge status={c.status} />
        <PublicationBadge state={c.publication.state} />
        <Anchor component={Link} to={`/cases/${c.id}`} size="sm">
          {t('moderation.openCase')}
        </Anchor>
      </Group>
      <Text size="sm">
        {c.category}
        {c.unitName ? ` · ${c.unitName}` : ''}
      </Text>
      {c.publication.state !== 'pending' && (
        <Alert
          color={c.publication.state === 'approved' ? 'green' : 'gray'}
          role="status"
          title={t(`moderation.decided.${c.publication.state}`)}
        >
          {[c.publication.decidedBy, c.publication.note].filter(Boolean).join(' — ')}
        </Alert>
      )}
      {blocked && (
        <Alert color="orange" role="alert" title={t('moderation.cannotApprove')}>
          {t(`moderation.reasons.${blocked.reason}`, { defaultValue: blocked.message })}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="original-title">
            <Title order={3} size="h4" id="original-title" mb="sm">
              {t('moderation.original')}
            </Title>
            <Text fw={600} size="sm">
              {t('moderation.text')}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="original-text" mb="md">
              {c.original.text}
            </Text>
            <Text fw={600} size="sm">
              {t('moderation.answer')}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="original-answer">
              {c.original.answer ?? t('moderation.noAnswer')}
            </Text>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="public-title">
            <Title order={3} size="h4" id="public-title" mb="sm">
              {t('moderation.public')}
            </Title>
            <Stack gap="sm">
              <Textarea
                label={t('moderation.publicText')}
                autosize
                minRows={4}
                value={publicText}
                error={approveErrors.publicText}
                onChange={(e) => setPublicText(e.currentTarget.value)}
                disabled={Boolean(blocked)}
              />
              <Textarea
                label={t('moderation.publicAnswer')}
                autosize
                minRows={4}
                value={publicAnswer}
                error={approveErrors.publicAnswer}
                onChange={(e) => setPublicAnswer(e.currentTarget.value)}
                disabled={Boolean(blocked)}
              />
              <Text size="xs">{t('moderation.redactionNote')}</Text>
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      {approve.isError && <ProblemAlert error={approve.error} />}
      {refuse.isError && <ProblemAlert error={refuse.error} />}
      <Group>
        <Button
          color="green"
          onClick={() => approve.mutate()}
          loading={approve.isPending}
          disabled={Boolean(blocked) || busy || !publicText.trim() || !publicAnswer.trim()}
        >
          {t('moderation.approve')}
        </Button>
        {!isRefusing && (
          <Button color="red" variant="outline" onClick={() => setRefusing(true)} disabled={busy}>
            {t('moderation.refuse')}
          </Button>
        )}
      </Group>
      {isRefusing && (
        <Stack gap="xs" maw={640}>
          <Textarea
            label={t('moderation.reason')}
            required
            autosize
            minRows={2}
            value={reason}
            error={refuseErrors.reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group>
            <Button
              color="red"
              onClick={() => refuse.mutate()}
              loading={refuse.isPending}
              disabled={!reason.trim() || busy}
            >
              {t('moderation.confirmRefuse')}
            </Button>
            <Button variant="default" onClick={() => setRefusing(false)}>
              {t('moderation.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
