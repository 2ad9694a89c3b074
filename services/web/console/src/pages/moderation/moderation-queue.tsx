import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { StatusBadge } from '../../components/status-badge';
import contrast from '../../components/contrast.module.css';

type Tab = 'pending' | 'decided';

const STATE_COLORS: Record<string, string> = { pending: 'blue', approved: 'green', refused: 'red' };

/** A publication state in words. */
export function PublicationBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  const color = STATE_COLORS[state] ?? 'gray';
  return (
    <Badge variant="light" color={color} c={`${color}.9`} radius="sm" tt="none" fw={600}>
      {t(`moderation.state.${state}`, { defaultValue: state })}
    </Badge>
  );
}

/** /moderation — answered, consented cases awaiting review (or the decisions taken). */
export function ModerationQueuePage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('pending');
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['moderation', 'queue', tab, page],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/moderation/cases', {
          params: { query: { state: tab, page, pageSize: 20 } },
        }),
      ),
  });
  return (
    <Stack gap="md" className={contrast.aa}>
      <Title order={2}>{t('moderation.title')}</Title>
      <Text size="sm">{t('moderation.intro')}</Text>
      <SegmentedControl
        value={tab}
        onChange={(v) => {
          setTab(v);
          setPage(1);
        }}
        data={[
          { value: 'pending', label: t('moderation.tabs.pending') },
          { value: 'decided', label: t('moderation.tabs.decided') },
        ]}
        w="fit-content"
      />
      {query.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : query.isError ? (
        <Alert color="red" role="alert" title={t('common.error')}>
          <Button size="xs" variant="white" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : query.data.items.length === 0 ? (
        <Text>
          {tab === 'pending' ? t('moderation.emptyPending') : t('moderation.emptyDecided')}
        </Text>
      ) : (
        <Table striped highlightOnHover aria-label={t('moderation.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('moderation.columns.code')}</Table.Th>
              <Table.Th>{t('moderation.columns.category')}</Table.Th>
              <Table.Th>{t('moderation.columns.unit')}</Table.Th>
              <Table.Th>{t('moderation.columns.excerpt')}</Table.Th>
              <Table.Th>{t('moderation.columns.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/moderation/${item.id}`} ff="monospace">
                    {item.trackingCode}
                  </Anchor>
                </Table.Td>
                <Table.Td>{item.categoryName}</Table.Td>
                <Table.Td>{item.unitName ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {item.excerpt}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <StatusBadge status={item.status} />
                    <PublicationBadge state={item.publicationState} />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {query.data && (page > 1 || query.data.hasMore) && (
        <Group>
          <Button variant="default" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('moderation.previous')}
          </Button>
          <Text size="sm">{t('moderation.page', { page })}</Text>
          <Button
            variant="default"
            disabled={!query.data.hasMore}
            onClick={() => setPage(page + 1)}
          >
            {t('moderation.next')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
