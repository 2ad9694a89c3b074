// echarts ships its locale objects as UMD files without types.
declare module 'echarts/i18n/langVI-obj.js' {
  const locale: Record<string, unknown>;
  export default locale;
}
