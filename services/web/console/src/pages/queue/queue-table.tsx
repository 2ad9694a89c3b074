import type { TFunction } from 'i18next';
import { memo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useHref, useNavigate } from 'react-router';
import { remainingText, SlaPill, slaKindOf } from '../../components/sla-badge';
import { fastDate, fastDateTime } from '../../components/fast-format';
import type { QueueItem } from './queue-params';
import classes from './queue-table.module.css';

interface RowProps {
  item: QueueItem;
  index: number;
  isActive: boolean;
  /** The case pages' URL prefix (with the console's base). */
  casesHref: string;
  t: TFunction;
  /** Ticked for a bulk action; undefined when the queue offers none (no checkbox column). */
  isSelected: boolean | undefined;
}

/**
 * One case: cheap to render (plain elements and a plain link, no router or Mantine components
 * per row; focus and clicks are handled once, on the table), memoised by props.
 */
const QueueRow = memo(function QueueRow({
  item,
  index,
  isActive,
  casesHref,
  t,
  isSelected,
}: RowProps) {
  const isPaused = item.status === 'awaiting_citizen';
  return (
    <tr
      role="row"
      className={classes.row}
      data-active={isActive || undefined}
      data-selected={isSelected || undefined}
      data-pickable={isSelected !== undefined || undefined}
      data-testid="queue-row"
    >
      {isSelected !== undefined ? (
        <td role="cell" className={classes.pick}>
          <input
            type="checkbox"
            className={classes.check}
            checked={isSelected}
            data-select-id={item.id}
            aria-label={t('bulk.selectCase', { code: item.trackingCode })}
            onChange={noop}
          />
        </td>
      ) : null}
      <td role="cell">
        <a
          href={`${casesHref}${item.trackingCode}`}
          className={classes.code}
          tabIndex={isActive ? 0 : -1}
          data-row-index={index}
          data-code={item.trackingCode}
        >
          {item.trackingCode}
        </a>
        {item.priority === 'urgent' || item.priority === 'high' ? (
          <span className={classes[item.priority]}>{t(`case.priority.${item.priority}`)}</span>
        ) : null}
        <div className={classes.muted}>{t(`case.channel.${item.channel}`)}</div>
      </td>
      <td role="cell">
        <SlaPill kind={slaKindOf(item.slaState, isPaused)} t={t} />
        <div className={classes.muted} data-testid="remaining">
          {remainingText(t, item.remainingWorkingMs, isPaused, item.deadlines.resolution)}
        </div>
        <div className={classes.muted}>
          {item.deadlines.resolution
            ? t('queue.dueOn', { date: fastDate(item.deadlines.resolution) })
            : null}
        </div>
      </td>
      <td role="cell">
        <strong>{item.category.name}</strong>
        <div className={classes.excerpt}>{item.excerpt}</div>
      </td>
      <td role="cell">
        <span className={classes.status}>{t(`case.status.${item.status}`)}</span>
        {item.escalationLevel > 0 ? (
          <div className={classes.muted}>
            {t('queue.escalatedLevel', { level: item.escalationLevel })}
          </div>
        ) : null}
        {item.transferCount > 0 ? (
          <div className={classes.muted}>{t('queue.transfers', { count: item.transferCount })}</div>
        ) : null}
      </td>
      <td role="cell" className={classes.hideSmall}>
        <div>{item.unit?.name ?? '—'}</div>
        <div className={classes.muted}>{item.assignee?.fullName ?? t('queue.noAssignee')}</div>
      </td>
      <td role="cell" className={classes.hideSmall}>
        <span className={classes.muted}>{fastDateTime(item.receivedAt)}</span>
      </td>
    </tr>
  );
});

// The table's one change handler does the work; React wants a handler on a controlled input.
const noop = () => {};

/** Ticked rows and how to change them, when the queue offers bulk actions. */
export interface QueueSelection {
  selected: { has: (id: string) => boolean; readonly size: number };
  onToggle: (id: string) => void;
  onToggleAll: (on: boolean) => void;
}

/** The queue as a dense table; the active row (keyboard) is highlighted and holds the focus. */
export function QueueTable({
  items,
  active,
  onActivate,
  selection,
}: {
  items: readonly QueueItem[];
  active: number;
  onActivate: (index: number) => void;
  selection?: QueueSelection | undefined;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const casesHref = useHref('/cases/');
  // One handler for every row: a plain click (or Enter) on a code opens it in the console.
  const onClick = (e: MouseEvent<HTMLElement>) => {
    const link = (e.target as HTMLElement).closest<HTMLElement>('a[data-code]');
    if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    void navigate(`/cases/${link.dataset.code}`);
  };
  return (
    <div className={classes.wrap}>
      <table className={classes.table} aria-label={t('queue.tableLabel')} role="table">
        <thead role="rowgroup">
          <tr role="row">
            {selection ? (
              <th scope="col" role="columnheader" className={classes.pick}>
                <input
                  type="checkbox"
                  className={classes.check}
                  aria-label={t('bulk.selectAll')}
                  checked={items.length > 0 && selection.selected.size >= items.length}
                  ref={(el) => {
                    if (el) {
                      el.indeterminate =
                        selection.selected.size > 0 && selection.selected.size < items.length;
                    }
                  }}
                  onChange={(e) => selection.onToggleAll(e.currentTarget.checked)}
                />
              </th>
            ) : null}
            <th scope="col" role="columnheader">
              {t('queue.col.code')}
            </th>
            <th scope="col" role="columnheader">
              {t('queue.col.deadline')}
            </th>
            <th scope="col" role="columnheader">
              {t('queue.col.content')}
            </th>
            <th scope="col" role="columnheader">
              {t('queue.col.status')}
            </th>
            <th scope="col" role="columnheader" className={classes.hideSmall}>
              {t('queue.col.handler')}
            </th>
            <th scope="col" role="columnheader" className={classes.hideSmall}>
              {t('queue.col.received')}
            </th>
          </tr>
        </thead>
        <tbody
          role="rowgroup"
          onClick={onClick}
          onChange={(e) => {
            const id = (e.target as HTMLElement).dataset.selectId;
            if (id && selection) selection.onToggle(id);
          }}
          onFocus={(e) => {
            const index = (e.target as HTMLElement).closest<HTMLElement>('[data-row-index]');
            if (index) onActivate(Number(index.dataset.rowIndex));
          }}
        >
          {items.map((item, i) => (
            <QueueRow
              key={item.id}
              item={item}
              index={i}
              isActive={i === active}
              casesHref={casesHref}
              t={t}
              isSelected={selection ? selection.selected.has(item.id) : undefined}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
