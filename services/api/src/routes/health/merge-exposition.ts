interface Family {
  help?: string;
  type?: string;
  samples: string[];
}

const DECLARATION = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*)(?: (.*))?$/;

/**
 * BullMQ writes `{queue="q", state="s"}`: the format's grammar has no blank between label pairs
 * and strict parsers refuse it. (Our label values, queue names and job states, hold no quotes,
 * so `", name="` is always a separator.)
 */
const tightLabels = (sample: string) => sample.replace(/",\s+(?=[a-zA-Z_][a-zA-Z0-9_]*=")/g, '",');

/**
 * Several Prometheus text expositions as one valid exposition: each family's HELP and TYPE once,
 * its samples together under them (BullMQ exports one queue at a time, each with its own HELP
 * and TYPE lines, and the text format allows a family to appear only once). Samples keep the
 * family of the declaration above them; comments are dropped.
 */
export function mergeExpositions(texts: readonly string[]): string {
  const families = new Map<string, Family>();
  const familyOf = (name: string) => {
    let family = families.get(name);
    if (!family) {
      family = { samples: [] };
      families.set(name, family);
    }
    return family;
  };
  for (const text of texts) {
    let current: Family | undefined;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const declaration = DECLARATION.exec(line);
      if (declaration) {
        const [, kind, name = '', rest = ''] = declaration;
        current = familyOf(name);
        if (kind === 'HELP') current.help ??= rest;
        else current.type ??= rest;
        continue;
      }
      if (line.startsWith('#')) continue;
      (current ?? familyOf(line.split(/[{ ]/, 1)[0] ?? line)).samples.push(tightLabels(line));
    }
  }
  const out: string[] = [];
  for (const [name, family] of families) {
    if (family.help !== undefined) out.push(`# HELP ${name} ${family.help}`);
    if (family.type !== undefined) out.push(`# TYPE ${name} ${family.type}`);
    out.push(...family.samples);
  }
  return `${out.join('\n')}\n`;
}
