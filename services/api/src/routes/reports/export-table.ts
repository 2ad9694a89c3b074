import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import ExcelJS from 'exceljs';
import Type, { type TSchema } from 'typebox';

/**
 * A date, or a time of day, as clocks in the province show it: its text in CSV, a real date
 * cell in XLSX (so a spreadsheet sorts, filters and computes with it). XLSX dates carry no
 * zone, so `wallClock` holds the local date and time in its UTC fields.
 */
export interface LocalStamp {
  kind: 'local-stamp';
  text: string;
  wallClock: Date;
  numFmt: string;
}

export type CellValue = string | number | null | LocalStamp;

/** A column of an export: a Vietnamese header and how a row gives its cell. */
export interface Column<T> {
  header: string;
  value: (row: T) => CellValue;
  /** A fraction shown as a percentage. */
  isPercent?: boolean;
  width?: number;
}

export type ExportFormat = 'csv' | 'xlsx';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The 200 of a route that answers JSON, or a table as CSV or XLSX (`?format=`, `/export`):
 * one schema per content type, so the OpenAPI document says what each really is.
 */
export const jsonOrTable = <T extends TSchema>(json: T) => ({
  content: {
    'application/json': { schema: json },
    'text/csv': { schema: Type.String({ description: 'CSV, UTF-8 with a byte-order mark' }) },
    [XLSX_TYPE]: { schema: Type.String({ format: 'binary', description: 'Excel workbook' }) },
  },
});

/** The format asked for: `?format=`, or CSV for the `/export` form of a route. */
export const formatOf = (url: string, format: string | undefined): ExportFormat | null => {
  if (format === 'csv' || format === 'xlsx') return format;
  if (format === 'json') return null;
  return url.endsWith('/export') ? 'csv' : null;
};

const BOM = '\uFEFF';
// A cell starting like a formula is read as text, so an export never runs a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: CellValue, isPercent: boolean): string {
  if (value === null) return '';
  if (typeof value === 'object') return value.text;
  if (typeof value === 'number') {
    return isPercent ? `${(value * 100).toFixed(2)}%` : String(value);
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

async function* csvLines<T>(columns: readonly Column<T>[], rows: Iterable<T>) {
  yield BOM + columns.map((c) => csvCell(c.header, false)).join(',') + '\r\n';
  for (const row of rows) {
    yield columns.map((c) => csvCell(c.value(row), c.isPercent ?? false)).join(',') + '\r\n';
  }
}

const xlsxValue = (value: CellValue) =>
  value !== null && typeof value === 'object' ? value.wallClock : value;

async function xlsxBuffer<T>(sheet: string, columns: readonly Column<T>[], rows: Iterable<T>) {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(sheet);
  ws.columns = columns.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: c.width ?? Math.max(12, c.header.length + 2),
    ...(c.isPercent ? { style: { numFmt: '0.00%' } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) {
    const values = columns.map((c) => c.value(row));
    const added = ws.addRow(Object.fromEntries(values.map((v, i) => [`c${i}`, xlsxValue(v)])));
    values.forEach((v, i) => {
      if (v !== null && typeof v === 'object') added.getCell(i + 1).numFmt = v.numFmt;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Sends rows as a CSV stream (UTF-8 with a BOM, so Excel reads Vietnamese) or an XLSX file,
 * as an attachment named `<name>.<format>`.
 */
export async function sendTable<T>(
  reply: FastifyReply,
  format: ExportFormat,
  name: string,
  columns: readonly Column<T>[],
  rows: Iterable<T>,
): Promise<FastifyReply> {
  reply.header('content-disposition', `attachment; filename="${name}.${format}"`);
  reply.header('cache-control', 'no-store');
  if (format === 'csv') {
    return reply
      .type('text/csv; charset=utf-8')
      .send(Readable.from(csvLines(columns, rows), { objectMode: false }));
  }
  const body = await xlsxBuffer(name.slice(0, 31), columns, rows);
  return reply.type(XLSX_TYPE).send(body);
}

/** An instant as people in Vietnam write it, in the zone: `17:00 16/12/2026`. */
export function localTime(iso: string | null, timeZone: string): LocalStamp | null {
  if (iso === null) return null;
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(iso))
      .map((x) => [x.type, x.value]),
  ) as Record<string, string>;
  return {
    kind: 'local-stamp',
    text: `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`,
    wallClock: new Date(
      Date.UTC(
        Number(p.year),
        Number(p.month) - 1,
        Number(p.day),
        Number(p.hour),
        Number(p.minute),
      ),
    ),
    numFmt: 'hh:mm dd/mm/yyyy',
  };
}

/** A local date (`2026-12-16`, a chart's bucket): kept as written in CSV, a date in XLSX. */
export function localDay(date: string): LocalStamp {
  return {
    kind: 'local-stamp',
    text: date,
    wallClock: new Date(`${date}T00:00:00Z`),
    numFmt: 'dd/mm/yyyy',
  };
}

/** Working milliseconds as working hours, two decimals. */
export const hours = (ms: number | null) => (ms === null ? null : Math.round(ms / 36_000) / 100);

/** A filename stamp from a period: `2026-11-01_2026-11-30`. */
export const periodStamp = (from: string, to: string) => `${from.slice(0, 10)}_${to.slice(0, 10)}`;
