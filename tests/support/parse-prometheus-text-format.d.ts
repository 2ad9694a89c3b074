declare module 'parse-prometheus-text-format' {
  /** Families of a Prometheus text exposition; throws on a line it cannot read. */
  export default function parsePrometheusTextFormat(text: string): unknown[];
}
