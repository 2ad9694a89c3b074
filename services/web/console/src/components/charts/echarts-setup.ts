import { BarChart, LineChart, SankeyChart } from 'echarts/charts';
import type { BarSeriesOption, LineSeriesOption, SankeySeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { registerLocale, use, type ComposeOption } from 'echarts/core';
import langVI from 'echarts/i18n/langVI-obj.js';
import { SVGRenderer } from 'echarts/renderers';

// Only the charts and components the dashboard draws are bundled (tree-shaken echarts/core).
use([
  BarChart,
  LineChart,
  SankeyChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);
// echarts' Vietnamese strings (month names, aria descriptions, toolbox) when the UI is in vi.
registerLocale('VI', langVI as Parameters<typeof registerLocale>[1]);

/** The option of any chart the console draws. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | SankeySeriesOption
  | AriaComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

/** Series colours, each at least 4.5:1 on white (WCAG AA), told apart by more than hue. */
export const CHART_COLORS = {
  blue: '#1c5fb8',
  green: '#2b7a3b',
  red: '#c92a2a',
  orange: '#b3470b',
  purple: '#7b2d99',
  teal: '#0b7285',
  gray: '#495057',
  brown: '#7a5230',
} as const;
