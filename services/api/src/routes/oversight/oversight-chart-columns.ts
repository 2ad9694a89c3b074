import type {
  BacklogSeriesResponse,
  EscalationRungsResponse,
  HotlineSummaryResponse,
  TransferFlowsResponse,
} from '@hotline/contracts';
import { localDay, type Column } from '../reports/export-table.js';

type BacklogPoint = BacklogSeriesResponse['points'][number];
type RungPoint = EscalationRungsResponse['points'][number];
type Flow = TransferFlowsResponse['flows'][number];
type Hotline = HotlineSummaryResponse['hotlines'][number];

/** The exports' columns, in Vietnamese (no citizen data in any of them). */
export const BACKLOG_COLUMNS: Column<BacklogPoint>[] = [
  { header: 'Kỳ (từ ngày)', value: (p) => localDay(p.bucket) },
  { header: 'Tồn đọng', value: (p) => p.open },
  { header: 'Tồn 0-2 ngày', value: (p) => p.d0to2 },
  { header: 'Tồn 3-7 ngày', value: (p) => p.d3to7 },
  { header: 'Tồn 8-15 ngày', value: (p) => p.d8to15 },
  { header: 'Tồn 16-30 ngày', value: (p) => p.d16to30 },
  { header: 'Tồn trên 30 ngày', value: (p) => p.over30 },
];

export const RUNG_COLUMNS: Column<RungPoint>[] = [
  { header: 'Kỳ (từ ngày)', value: (p) => localDay(p.bucket) },
  { header: 'Quá hạn thụ lý', value: (p) => p.breachesAcceptance },
  { header: 'Quá hạn phản hồi lần đầu', value: (p) => p.breachesFirstResponse },
  { header: 'Quá hạn giải quyết', value: (p) => p.breachesResolution },
  { header: 'Chuyển cấp 1 (lãnh đạo đơn vị)', value: (p) => p.rung1 },
  { header: 'Chuyển cấp 2 (lãnh đạo cấp trên)', value: (p) => p.rung2 },
  { header: 'Chuyển cấp 3 (chủ đường dây nóng)', value: (p) => p.rung3 },
  { header: 'Chuyển cấp do chuyển đơn vị nhiều lần', value: (p) => p.forTransfers },
];

export const TRANSFER_COLUMNS: Column<Flow>[] = [
  { header: 'Đơn vị chuyển đi', value: (f) => f.fromUnitName, width: 32 },
  { header: 'Đơn vị nhận', value: (f) => f.toUnitName, width: 32 },
  { header: 'Số lần chuyển', value: (f) => f.transfers },
  { header: 'Số vụ việc', value: (f) => f.cases },
];

export const HOTLINE_COLUMNS: Column<Hotline>[] = [
  { header: 'Đường dây nóng', value: (h) => h.name, width: 32 },
  { header: 'Số điện thoại', value: (h) => h.displayNumber, width: 16 },
  { header: 'Chủ đường dây', value: (h) => h.ownerName, width: 24 },
  { header: 'Đơn vị', value: (h) => h.unitName, width: 30 },
  { header: 'Tiếp nhận trong kỳ', value: (h) => h.received },
  { header: 'Giải quyết trong kỳ', value: (h) => h.resolved },
  { header: 'Đang mở', value: (h) => h.open },
  { header: 'Quá hạn', value: (h) => h.overdue },
  { header: 'Sắp quá hạn', value: (h) => h.atRisk },
  { header: 'Đã chuyển cấp trên', value: (h) => h.escalated },
];
