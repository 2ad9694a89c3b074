import { init, type ECharts } from 'echarts/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartOption } from './echarts-setup';

/**
 * One echarts chart (SVG), sized to its box and redrawn on resize and language change. The
 * chart is an image to assistive technology, described by `label`; the numbers are in the
 * table view of its card.
 */
export function EChart({
  option,
  height,
  label,
}: {
  option: ChartOption;
  height: number;
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'EN' : 'VI';

  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const instance = init(el, null, { renderer: 'svg', locale });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [locale]);

  useEffect(() => {
    chart.current?.setOption(
      {
        animation: false,
        textStyle: { fontFamily: '"Noto Sans", "Segoe UI", Roboto, Arial, sans-serif' },
        aria: { enabled: true, label: { description: label } },
        ...option,
      },
      { notMerge: true },
    );
  }, [option, label, locale]);

  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
