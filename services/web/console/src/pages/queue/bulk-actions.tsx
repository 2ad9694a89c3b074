import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { paths } from '../../api/schema';
import { api, unwrap } from '../../api/client';
import { errorMessageOf } from '../../components/admin/api-errors';
import {
  BulkAssignForm,
  BulkCloseForm,
  BulkTransferForm,
  type BulkActionName,
  type BulkBody,
} from './bulk-forms';
import type { QueueItem } from './queue-params';
import contrast from '../../components/contrast.module.css';

type BatchReply =
  paths['/v1/case-batches/close']['post']['responses'][200]['content']['application/json'];
type BatchResult = BatchReply['results'][number];

/** Most cases one request may carry (the API refuses more). */
export const MAX_BULK = 100;
const ACTIONS: readonly BulkActionName[] = ['assign', 'transfer', 'close'];

/** Why a case was refused, in words: the code's sentence, else the API's own message. */
function refusalText(
  t: ReturnType<typeof useTranslation>['t'],
  result: BatchResult,
  item: QueueItem | undefined,
  action: BulkActionName,
) {
  const now = result.status ?? item?.status;
  const status = now ? t(`case.status.${now}`) : '';
  return t(`bulk.refused.${result.code ?? 'other'}`, {
    status,
    action: t(`bulk.verb.${action}`),
    done: t(`bulk.participle.${action}`),
    defaultValue: t('bulk.refused.other', { message: result.message ?? '' }),
  });
}

/** Each case's outcome: done, or refused with the reason. */
function BulkResults({
  reply,
  items,
  action,
  onClose,
}: {
  reply: BatchReply;
  items: readonly QueueItem[];
  action: BulkActionName;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const byId = new Map(items.map((i) => [i.id, i]));
  return (
    <Stack gap="sm" data-testid="bulk-results">
      <Text fw={600} role="status">
        {t('bulk.summary', { done: reply.done, refused: reply.refused })}
      </Text>
      <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
        {reply.results.map((r) => {
          const item = byId.get(r.ref);
          const isDone = r.outcome === 'done';
          return (
            <li key={r.ref} data-testid="bulk-result" data-outcome={r.outcome}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Badge color={isDone ? 'green.9' : 'red.9'} variant="filled" miw={92}>
                  {isDone ? t('bulk.done') : t('bulk.refusedLabel')}
                </Badge>
                <div>
                  <Text size="sm" ff="monospace" fw={700}>
                    {r.trackingCode ?? item?.trackingCode ?? r.ref}
                  </Text>
                  <Text size="sm">
                    {isDone ? t(`bulk.doneText.${action}`) : refusalText(t, r, item, action)}
                  </Text>
                </div>
              </Group>
            </li>
          );
        })}
      </Stack>
      <Group justify="flex-end">
        <Button onClick={onClose}>{t('bulk.close')}</Button>
      </Group>
    </Stack>
  );
}

/**
 * The bar over a queue with ticked cases: assign, transfer (one reason) or close them all. The
 * API runs each case as its single action; the dialog then lists each case's outcome.
 */
export function BulkActions({
  items,
  onClear,
  onSettled,
}: {
  items: readonly QueueItem[];
  onClear: () => void;
  /** After the results are read: the cases done leave the selection. */
  onSettled: (doneIds: readonly string[]) => void;
}) {
  const { t } = useTranslation();
  const isSmall = useMediaQuery('(max-width: 48em)');
  const client = useQueryClient();
  const [open, setOpen] = useState<BulkActionName | null>(null);
  const tooMany = items.length > MAX_BULK;
  const run = useMutation({
    mutationFn: async ({ action, body }: { action: BulkActionName; body: BulkBody }) => {
      const url = `/v1/case-batches/${action}` as '/v1/case-batches/close';
      return unwrap(
        await api.POST(url, { body: { caseIds: items.map((i) => i.id), ...body } as never }),
      );
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['queue'] }),
  });
  const close = () => {
    if (run.data) onSettled(run.data.results.filter((r) => r.outcome === 'done').map((r) => r.ref));
    run.reset();
    setOpen(null);
  };
  const formProps = {
    firstCaseId: items[0]?.id ?? '',
    count: items.length,
    busy: run.isPending,
    onCancel: close,
    onSubmit: (body: BulkBody) => open && run.mutate({ action: open, body }),
  };

  return (
    <Paper
      withBorder
      p="xs"
      pos="sticky"
      top={0}
      style={{ zIndex: 3 }}
      role="region"
      aria-label={t('bulk.barLabel')}
      data-testid="bulk-bar"
    >
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Text size="sm" fw={600}>
          {t('bulk.selected', { count: items.length })}
        </Text>
        <Group gap="xs" wrap="wrap">
          {ACTIONS.map((a) => (
            <Button
              key={a}
              size="sm"
              variant={a === 'assign' ? 'filled' : 'default'}
              disabled={tooMany}
              onClick={() => setOpen(a)}
              data-bulk-action={a}
            >
              {t(`bulk.action.${a}`)}
            </Button>
          ))}
          <Button size="sm" variant="subtle" onClick={onClear}>
            {t('bulk.clear')}
          </Button>
        </Group>
      </Group>
      {tooMany && (
        <Text size="sm" c="red.9" mt={4} role="alert">
          {t('bulk.tooMany', { max: MAX_BULK })}
        </Text>
      )}
      <Modal
        opened={open !== null}
        onClose={close}
        title={open ? t(`bulk.title.${open}`, { count: items.length }) : ''}
        size="lg"
        fullScreen={isSmall}
        classNames={{ content: contrast.aa }}
      >
        {run.error ? (
          <Alert color="red" role="alert" mb="sm" title={t('case.failed')}>
            {errorMessageOf(run.error)}
          </Alert>
        ) : null}
        {open && run.data ? (
          <BulkResults reply={run.data} items={items} action={open} onClose={close} />
        ) : open === 'assign' ? (
          <BulkAssignForm {...formProps} />
        ) : open === 'transfer' ? (
          <BulkTransferForm {...formProps} />
        ) : open === 'close' ? (
          <BulkCloseForm {...formProps} />
        ) : null}
      </Modal>
    </Paper>
  );
}
