import type { Figures, ReportGrouping, ReportRow, SeriesPoint } from '@hotline/core';
import { hours, localDay, type Column } from './export-table.js';

export const CHANNEL_NAMES: Record<string, string> = {
  web: 'Cổng thông tin',
  sms: 'Tin nhắn SMS',
  call: 'Điện thoại',
  email: 'Thư điện tử',
  open311: 'Ứng dụng Open311',
  counter: 'Trực tiếp',
};

const SUBJECT: Record<ReportGrouping, string> = {
  unit: 'Đơn vị',
  official: 'Cán bộ',
  channel: 'Kênh tiếp nhận',
  category: 'Lĩnh vực',
};

/** A report row for export: the total is a row named "Tổng cộng" (no rank). */
export type ExportRow = Figures & { name: string; onTimeRank: number | null };

export function reportRowsForExport(
  by: ReportGrouping,
  rows: readonly ReportRow[],
  total: Figures,
): ExportRow[] {
  const nameOf = (r: ReportRow) =>
    by === 'channel' ? (CHANNEL_NAMES[r.key ?? ''] ?? r.key ?? '') : (r.name ?? 'Chưa có đơn vị');
  return [
    ...rows.map((r) => ({ ...r, name: nameOf(r) })),
    { ...total, name: 'Tổng cộng', onTimeRank: null },
  ];
}

/** The figures' columns, in Vietnamese. */
export function reportColumns(by: ReportGrouping): Column<ExportRow>[] {
  return [
    { header: SUBJECT[by], value: (r) => r.name, width: 32 },
    { header: 'Tiếp nhận', value: (r) => r.received },
    { header: 'Chuyển đi', value: (r) => r.transferredOut },
    { header: 'Đã giải quyết', value: (r) => r.resolved },
    { header: 'Giải quyết đúng hạn', value: (r) => r.resolvedOnTime },
    { header: 'Giải quyết trễ hạn', value: (r) => r.resolvedLate },
    { header: 'Giải quyết khi không có hạn', value: (r) => r.resolvedWithoutDeadline },
    { header: 'Đang quá hạn cuối kỳ', value: (r) => r.openOverdue },
    // The definition is ON_TIME_DEFINITION (domain), also under the dashboard's ranking.
    { header: 'Tỷ lệ đúng hạn', value: (r) => r.onTimeRate, isPercent: true },
    { header: 'Xếp hạng đúng hạn', value: (r) => r.onTimeRank },
    {
      header: 'Phản hồi lần đầu - trung vị (giờ làm việc)',
      value: (r) => hours(r.firstResponseMedianMs),
    },
    { header: 'Phản hồi lần đầu - P90 (giờ làm việc)', value: (r) => hours(r.firstResponseP90Ms) },
    { header: 'Giải quyết - trung vị (giờ làm việc)', value: (r) => hours(r.resolutionMedianMs) },
    { header: 'Giải quyết - P90 (giờ làm việc)', value: (r) => hours(r.resolutionP90Ms) },
    { header: 'Tồn đọng', value: (r) => r.openBacklog },
    { header: 'Tồn 0-2 ngày', value: (r) => r.backlogAge.d0to2 },
    { header: 'Tồn 3-7 ngày', value: (r) => r.backlogAge.d3to7 },
    { header: 'Tồn 8-15 ngày', value: (r) => r.backlogAge.d8to15 },
    { header: 'Tồn 16-30 ngày', value: (r) => r.backlogAge.d16to30 },
    { header: 'Tồn trên 30 ngày', value: (r) => r.backlogAge.over30 },
    { header: 'Lượt đánh giá', value: (r) => r.ratings },
    {
      header: 'Điểm hài lòng trung bình',
      value: (r) =>
        r.satisfactionAverage === null ? null : Math.round(r.satisfactionAverage * 100) / 100,
    },
    { header: 'Tỷ lệ hài lòng (4-5 điểm)', value: (r) => r.satisfiedShare, isPercent: true },
    { header: 'Bị mở lại', value: (r) => r.reopened },
    { header: 'Tỷ lệ mở lại', value: (r) => r.reopenRate, isPercent: true },
  ];
}

export const SERIES_COLUMNS: Column<SeriesPoint>[] = [
  { header: 'Kỳ (từ ngày)', value: (p) => localDay(p.bucket) },
  { header: 'Tiếp nhận', value: (p) => p.received },
  { header: 'Đã giải quyết', value: (p) => p.resolved },
  { header: 'Giải quyết đúng hạn', value: (p) => p.resolvedOnTime },
  { header: 'Vi phạm thời hạn', value: (p) => p.breaches },
  { header: 'Chuyển cấp trên', value: (p) => p.escalations },
];
