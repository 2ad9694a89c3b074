import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/session';
import { remainingText, SlaBadge } from '../../components/sla-badge';
import { formatDateTime, formatNumber } from '../../i18n/format';
import type { CaseDetail } from './case-types';
import { FilePreview } from './file-preview';
import { useDurationText } from './duration-text';
import { EntryFiles } from './entry-files';

/** A titled block of the case page. */
export function Section({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title} data-testid={testId}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Label and value pairs (a description list). */
function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <SimpleGrid
      component="dl"
      cols={{ base: 1, xs: 2 }}
      spacing="xs"
      verticalSpacing={4}
      style={{ margin: 0 }}
    >
      {rows.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="xs" c="gray.7">
            {label}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

export function CaseFacts({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  // An answered case its citizen agreed to publish: moderators review it from here.
  const canReview =
    detail.consentToPublish &&
    detail.type !== 'denunciation' &&
    (detail.status === 'resolved' || detail.status === 'closed') &&
    hasRole('unit_leader', 'supervisor', 'admin');
  return (
    <Section title={t('case.section.facts')}>
      <Text style={{ whiteSpace: 'pre-wrap' }} mb="sm" data-testid="case-text">
        {detail.text}
      </Text>
      <Facts
        rows={[
          [t('case.field.category'), detail.category.name],
          [t('case.field.type'), t(`case.type.${detail.type}`, { defaultValue: detail.type })],
          [t('case.field.channel'), t(`case.channel.${detail.channel}`)],
          [t('case.field.priority'), t(`case.priority.${detail.priority}`)],
          [t('case.field.received'), formatDateTime(detail.receivedAt)],
          [t('case.field.unit'), detail.unit?.name ?? '—'],
          [t('case.field.assignee'), detail.assignee?.name ?? t('queue.noAssignee')],
          [t('case.field.commune'), detail.location.commune?.name ?? '—'],
          // Where the problem is: shown whoever reported it (anonymous or not).
          [t('case.field.incidentAddress'), detail.location.address ?? '—'],
          ...(detail.location.latitude !== null && detail.location.longitude !== null
            ? ([
                [
                  t('case.field.coordinates'),
                  `${detail.location.latitude.toFixed(5)}, ${detail.location.longitude.toFixed(5)}`,
                ],
              ] as [string, ReactNode][])
            : []),
          [t('case.field.transfers'), formatNumber(detail.transferCount)],
          [t('case.field.escalation'), formatNumber(detail.escalationLevel)],
          [t('case.field.extensions'), formatNumber(detail.extensionsGranted)],
          [
            t('case.field.publish'),
            <Group gap="xs" key="publish">
              {detail.consentToPublish ? t('case.yes') : t('case.no')}
              {canReview && (
                <Anchor component={Link} to={`/moderation/${detail.id}`} size="sm">
                  {t('moderation.title')}
                </Anchor>
              )}
            </Group>,
          ],
          ...(detail.rating !== null
            ? ([[t('case.field.rating'), `${detail.rating}/5`]] as [string, ReactNode][])
            : []),
        ]}
      />
      {detail.resolutionText && (
        <Stack gap={2} mt="sm">
          <Text size="xs" c="gray.7">
            {t('case.field.resolution')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {detail.resolutionText}
          </Text>
        </Stack>
      )}
    </Section>
  );
}

/** The citizen's contact: shown in scope only, and each view is recorded by the API. */
export function CaseContact({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const c = detail.citizen;
  return (
    <Section title={t('case.section.contact')} testId="case-contact">
      {!c ? (
        <Text size="sm">{t('case.contact.hidden')}</Text>
      ) : (
        <>
          <Facts
            rows={[
              [t('case.contact.name'), c.name ?? '—'],
              [
                t('case.contact.phone'),
                c.phone ? <Anchor href={`tel:${c.phone}`}>{c.phone}</Anchor> : '—',
              ],
              [t('case.contact.email'), c.email ?? '—'],
              [t('case.contact.address'), c.address ?? '—'],
            ]}
          />
          <Text size="xs" c="gray.7" mt="xs">
            {detail.isAnonymous ? `${t('case.contact.anonymous')} ` : ''}
            {t('case.contact.recorded')}
          </Text>
        </>
      )}
    </Section>
  );
}

/** Every clock with its deadline, state and working time left. */
export function CaseDeadlines({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('case.section.deadlines')} testId="case-deadlines">
      <Group gap="xs" mb="xs">
        <SlaBadge state={detail.sla.state} isPaused={detail.sla.isPaused} />
      </Group>
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('case.clock.target')}</Table.Th>
            <Table.Th scope="col">{t('case.clock.due')}</Table.Th>
            <Table.Th scope="col">{t('case.clock.left')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.sla.clocks.map((c) => (
            <Table.Tr key={c.target}>
              <Table.Th scope="row" fw={500}>
                {t(`case.clock.${c.target}`)}
              </Table.Th>
              <Table.Td>{formatDateTime(c.dueAt)}</Table.Td>
              <Table.Td>
                {c.state === 'met' || c.state === 'met_late'
                  ? t(`case.clockState.${c.state}`, { date: formatDateTime(c.metAt) })
                  : c.state === 'not_started' || c.state === 'stopped'
                    ? t(`case.clockState.${c.state}`)
                    : remainingText(t, c.remainingWorkingMs, c.state === 'paused', c.dueAt)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

const DETAIL_KEYS = [
  'question',
  'text',
  'reason',
  'resolutionText',
  'note',
  'duration',
  // An extension granted shorter than asked shows both.
  'requested',
  'level',
];
/** Reasons that are codes, not words someone wrote. */
const CODED_REASONS = new Set(['routed', 'escalated', 'rejected', 'closed', 'sla_breached']);

function detailLines(entry: CaseDetail['timeline'][number], durationText: (iso: string) => string) {
  return DETAIL_KEYS.flatMap((k) => {
    const v = entry.details[k];
    if (k === 'reason' && CODED_REASONS.has(entry.type)) return [];
    if ((k === 'duration' || k === 'requested') && typeof v === 'string') {
      return [[k, durationText(v)] as const];
    }
    return typeof v === 'string' || typeof v === 'number' ? [[k, String(v)] as const] : [];
  });
}

/** The whole history, newest last, with who did what. */
export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const durationText = useDurationText();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const actorOf = (a: CaseDetail['timeline'][number]['actor']) =>
    a.kind === 'official'
      ? (a.name ?? t('case.actor.official'))
      : a.kind === 'citizen'
        ? t('case.actor.citizen')
        : t('case.actor.system');
  return (
    <Section title={t('case.section.timeline')} testId="case-timeline">
      <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {detail.timeline.map((e) => (
          <li key={e.version} style={{ borderLeft: '3px solid #c9d3de', paddingLeft: 10 }}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={600}>
                {e.description[lang]}
              </Text>
              {e.isInternal && (
                <Badge size="xs" variant="outline" color="gray" c="gray.8">
                  {t('case.internal')}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="gray.7">
              {formatDateTime(e.at)} · {actorOf(e.actor)}
            </Text>
            {detailLines(e, durationText).map(([k, v]) => (
              <Text key={k} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                <Text span size="sm" c="gray.7">
                  {t(`case.detail.${k}`)}:{' '}
                </Text>
                {v}
              </Text>
            ))}
            <EntryFiles detail={detail} version={e.version} />
          </li>
        ))}
      </Stack>
    </Section>
  );
}

const sizeText = (n: number | null) =>
  n === null
    ? ''
    : n < 1024 * 1024
      ? `${Math.ceil(n / 1024)} KB`
      : `${(n / 1048576).toFixed(1)} MB`;

/**
 * A file the sender only linked to (an MMS media URL, an Open311 media_url): an external link,
 * marked as such with its host, opened without our referrer or our endorsement. It is never
 * fetched or redirected by us.
 */
function ExternalFileLink({ url, name }: { url: string; name: string | null }) {
  const { t } = useTranslation();
  const host = URL.canParse(url) ? new URL(url).host : url;
  return (
    <>
      <Anchor
        href={url}
        target="_blank"
        rel="noopener noreferrer nofollow"
        size="sm"
        data-external="true"
      >
        {name ?? t('case.files.externalName')} ↗
      </Anchor>
      <Text span size="xs" c="orange.9">
        {' '}
        {t('case.files.external', { host })}
      </Text>
    </>
  );
}

/** Files (download links) and related or duplicate cases (links to their pages). */
export function CaseFilesAndRelated({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <Section title={t('case.section.files')} testId="case-files">
        {detail.attachments.length === 0 ? (
          <Text size="sm" c="gray.7">
            {t('case.files.none')}
          </Text>
        ) : (
          <Stack component="ul" gap={4} style={{ paddingLeft: 18, margin: 0 }}>
            {detail.attachments.map((a) => (
              <li key={a.id}>
                {a.externalUrl ? (
                  <ExternalFileLink url={a.externalUrl} name={a.fileName} />
                ) : (
                  <Anchor
                    href={`/v1/cases/${detail.id}/attachments/${a.id}`}
                    download={a.fileName ?? true}
                    size="sm"
                  >
                    {a.fileName ?? t('case.files.unnamed')}
                  </Anchor>
                )}
                <Text span size="xs" c="gray.7">
                  {' '}
                  {a.externalUrl ? '' : `${sizeText(a.sizeBytes)} · `}
                  {t(`case.files.source.${a.source}`, { defaultValue: a.source })} ·{' '}
                  {a.eventVersion !== null && `${t('case.files.withInformation')} · `}
                  {formatDateTime(a.createdAt)}
                </Text>
                <FilePreview caseId={detail.id} file={a} />
              </li>
            ))}
          </Stack>
        )}
      </Section>
      <Section title={t('case.section.related')} testId="case-related">
        {detail.mergedInto && (
          <Text size="sm" mb="xs">
            {t('case.related.mergedInto')}{' '}
            <Anchor component={Link} to={`/cases/${detail.mergedInto.trackingCode}`}>
              {detail.mergedInto.trackingCode}
            </Anchor>
          </Text>
        )}
        {detail.relatedCases.length === 0 ? (
          <Text size="sm" c="gray.7">
            {t('case.related.none')}
          </Text>
        ) : (
          <Stack component="ul" gap={4} style={{ paddingLeft: 18, margin: 0 }}>
            {detail.relatedCases.map((r) => (
              <li key={r.id}>
                <Anchor component={Link} to={`/cases/${r.trackingCode}`} size="sm" fw={600}>
                  {r.trackingCode}
                </Anchor>{' '}
                <Text span size="xs" c="gray.7">
                  {t(`case.status.${r.status}`)} · {formatDateTime(r.receivedAt)} ·{' '}
                  {r.reasons.map((x) => t(`case.related.reason.${x}`)).join(', ')}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Section>
    </>
  );
}
