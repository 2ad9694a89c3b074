import type { AuditCounts } from './auditor.js';

/** One line of the per-fault table. */
export interface FaultRow {
  fault: string;
  requests: number;
  errors: string;
  /** p99 of the load's answered attempts during the fault and its recovery, in ms. */
  answerP99: number | null;
  /** Seconds from the fault lifted to /readyz and a clean audit; null: not within the bound. */
  recoverSeconds: number | null;
  counts: AuditCounts | null;
  result: string;
}

const COLUMNS: { title: string; cell: (r: FaultRow) => string }[] = [
  { title: 'fault', cell: (r) => r.fault },
  { title: 'requests', cell: (r) => String(r.requests) },
  { title: 'errors seen', cell: (r) => r.errors },
  { title: 'p99 answer', cell: (r) => (r.answerP99 === null ? '-' : `${r.answerP99} ms`) },
  {
    title: 'recover',
    cell: (r) => (r.recoverSeconds === null ? '-' : `${r.recoverSeconds.toFixed(1)} s`),
  },
  { title: 'i 201↔case', cell: (r) => (r.counts ? String(r.counts.intake) : '-') },
  { title: 'ii timers', cell: (r) => (r.counts ? String(r.counts.timers) : '-') },
  { title: 'iii twice', cell: (r) => (r.counts ? String(r.counts.duplicates) : '-') },
  { title: 'iv early', cell: (r) => (r.counts ? String(r.counts.early) : '-') },
  { title: 'result', cell: (r) => r.result },
];

/** The table as Markdown, so it pastes into a note as it is. */
export function formatFaultTable(rows: readonly FaultRow[]): string {
  const cells = [COLUMNS.map((c) => c.title), ...rows.map((r) => COLUMNS.map((c) => c.cell(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((line) => line[i]!.length)));
  const line = (values: string[]) =>
    `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(cells[0]!),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.slice(1).map(line),
  ].join('\n');
}
