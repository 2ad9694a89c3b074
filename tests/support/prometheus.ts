// The text exposition checked as a scraper reads it: parsed by a real parser, each family
// declared once, no sample naming a label twice (Prometheus refuses both).
import parsePrometheusTextFormat from 'parse-prometheus-text-format';

export interface MetricFamily {
  name: string;
  type: string;
  metrics: { labels?: Record<string, string>; value?: string }[];
}

const SAMPLE_LABELS = /^[a-zA-Z_:][a-zA-Z0-9_:]*\{(.*)\}\s/;

/** Parses an exposition, failing on anything Prometheus would refuse. */
export function parseExposition(text: string): MetricFamily[] {
  const families = parsePrometheusTextFormat(text) as MetricFamily[];
  const problems: string[] = [];
  const declared = new Map<string, number>();
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+)/.exec(line)?.[1];
    if (type) declared.set(type, (declared.get(type) ?? 0) + 1);
    const labels = SAMPLE_LABELS.exec(line)?.[1];
    if (labels !== undefined) {
      const names = [...labels.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="(?:[^"\\]|\\.)*"/g)].map(
        (m) => m[1],
      );
      if (new Set(names).size !== names.length) problems.push(`label repeated: ${line}`);
    }
  }
  for (const [name, n] of declared) if (n > 1) problems.push(`${name} declared ${n} times`);
  if (problems.length > 0) throw new Error(`invalid exposition:\n${problems.join('\n')}`);
  return families;
}
