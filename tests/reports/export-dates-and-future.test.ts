import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@hotline/db';
import { normalizeTrackingCode } from '@hotline/domain';
import { routedCase } from '../case-actions/helpers.js';
import { addOfficial, bearerFor } from '../support/officials.js';
import { getJson, startSystem, type TestSystem } from '../support/system.js';

const ZONE = 'Asia/Ho_Chi_Minh';
/** A local date in the province, `days` from today. */
const localDate = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(
    new Date(Date.now() + days * 86_400_000),
  );

/** The local date and time of an instant in the province, as UTC fields (an XLSX date). */
function wallClockOf(instant: Date): Date {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(instant)
      .map((x) => [x.type, x.value]),
  ) as Record<string, string>;
  return new Date(Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!));
}

describe('exports carry dates as dates; charts stop at today', () => {
  let sys: TestSystem;
  let supervisor: Record<string, string>;
  let receivedAt: Date;
  // A period that runs eight weeks past today, as "this quarter" does mid-quarter.
  const period = `from=${localDate(-20)}&to=${localDate(56)}`;

  beforeAll(async () => {
    sys = await startSystem({ label: 'export-dates', withWorker: false });
    const id = await addOfficial(sys.database.db, sys.province.triageUnitId, ['supervisor']);
    supervisor = await bearerFor(sys.baseUrl, id, ['reports:read', 'cases:read']);
    const submitted = await routedCase(sys);
    // Overdue since yesterday, so the oversight list (and its export) holds it.
    const [row] = await sys.database.db
      .update(tables.cases)
      .set({ resolutionDueAt: new Date(Date.now() - 86_400_000) })
      .where(eq(tables.cases.trackingCode, normalizeTrackingCode(submitted.trackingCode)))
      .returning({ receivedAt: tables.cases.receivedAt });
    receivedAt = row!.receivedAt;
  }, 60_000);
  afterAll(async () => {
    await sys?.close();
  });

  const workbook = async (path: string) => {
    const res = await fetch(sys.baseUrl + path, { headers: supervisor });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    return book.worksheets[0]!;
  };

  it('has no point for a week that has not begun, in any series chart', async () => {
    const now = Date.now();
    for (const path of [
      '/v1/reports/series',
      '/v1/oversight/escalation-rungs',
      '/v1/oversight/backlog-series',
    ]) {
      const res = await getJson(sys.baseUrl, `${path}?${period}&interval=week`, supervisor);
      expect(res.status).toBe(200);
      const points = res.body.points as { bucket: string; start: string }[];
      // Weeks from the period's start up to the one under way: three or four, never twelve.
      expect(points.length).toBeGreaterThanOrEqual(3);
      expect(points.length).toBeLessThanOrEqual(5);
      expect(points.every((p) => Date.parse(p.start) <= now)).toBe(true);
      // The week under way is there: the last point began at most seven days ago.
      expect(now - Date.parse(points.at(-1)!.start)).toBeLessThan(7 * 86_400_000);
    }
    // The case received today is counted in the last week.
    const series = await getJson(
      sys.baseUrl,
      `/v1/reports/series?${period}&interval=week`,
      supervisor,
    );
    const points = series.body.points as { received: number }[];
    expect(points.at(-1)!.received).toBe(1);
  });

  it('writes a series’s buckets as date cells in XLSX', async () => {
    const sheet = await workbook(`/v1/reports/series?${period}&interval=day&format=xlsx`);
    expect(sheet.getRow(1).getCell(1).value).toBe('Kỳ (từ ngày)');
    const first = sheet.getRow(2).getCell(1);
    expect(first.type).toBe(ExcelJS.ValueType.Date);
    expect(first.value).toEqual(new Date(`${localDate(-20)}T00:00:00Z`));
    expect(first.numFmt).toBe('dd/mm/yyyy');
    // The last row is today: nothing after it.
    const last = sheet.getRow(sheet.rowCount).getCell(1);
    expect(last.value).toEqual(new Date(`${localDate(0)}T00:00:00Z`));
  });

  it('writes the oversight list’s times as date cells in the province’s time', async () => {
    const sheet = await workbook('/v1/oversight/overdue/export?format=xlsx');
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = headers.indexOf('Ngày tiếp nhận') + 1;
    expect(column).toBeGreaterThan(0);
    const cell = sheet.getRow(2).getCell(column);
    expect(cell.type).toBe(ExcelJS.ValueType.Date);
    expect(cell.value).toEqual(wallClockOf(receivedAt));
    expect(cell.numFmt).toBe('hh:mm dd/mm/yyyy');
    // CSV keeps the words people read.
    const csv = await fetch(`${sys.baseUrl}/v1/oversight/overdue/export?format=csv`, {
      headers: supervisor,
    });
    expect(await csv.text()).toMatch(/\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
  });
});
