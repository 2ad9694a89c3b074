import { EnvSchema } from './env.schema.js';
import { PRODUCTION_REFUSALS } from './production-refusals.js';

/** The command that rewrites the table; the check names it when the table is stale. */
export const ENV_DOCS_COMMAND = 'pnpm docs:env';
/** The document holding the table, from the repository's root. */
export const ENV_DOCS_PATH = 'docs/operations.md';
export const ENV_TABLE_START = '<!-- env-table:start -->';
export const ENV_TABLE_END = '<!-- env-table:end -->';

/** The JSON Schema keywords the environment schema uses (TypeBox schemas are JSON Schema). */
interface SettingSchema {
  type?: 'boolean' | 'integer' | 'number' | 'string';
  anyOf?: readonly { const?: unknown }[];
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
}

const code = (value: unknown) => `\`${String(value)}\``;

function accepts(s: SettingSchema): string {
  if (s.anyOf) return s.anyOf.map((option) => code(option.const)).join(', ');
  switch (s.type) {
    case 'boolean':
      return '`true`, `false`';
    case 'integer':
    case 'number': {
      const low =
        s.exclusiveMinimum !== undefined ? `> ${s.exclusiveMinimum}` : String(s.minimum ?? '');
      const range =
        s.exclusiveMinimum !== undefined ? `${low}, ≤ ${s.maximum}` : `${low}–${s.maximum}`;
      return `${s.type === 'integer' ? 'integer' : 'number'} ${range}`;
    }
    case 'string':
      if (s.pattern) return `text matching ${code(s.pattern)}`;
      if (s.maxLength !== undefined) return `text, ${s.minLength ?? 0}–${s.maxLength} characters`;
      return `text, ${s.minLength ?? 0}+ characters`;
    case undefined:
      throw new Error('env docs: a setting is neither a list of values nor a typed value');
  }
}

/** A table cell: one line, pipes escaped (GitHub tables split cells on them, code spans too). */
const cell = (text: string) => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|');

/**
 * The environment table, one row per setting of EnvSchema in its order: default (or unset),
 * accepted values, meaning (the schema's description) and what production refuses
 * (PRODUCTION_REFUSALS). Throws for a setting without a description, so none goes undocumented.
 */
export function envTableMarkdown(): string {
  const required = new Set<string>(EnvSchema.required ?? []);
  const refusals = new Map(PRODUCTION_REFUSALS.map((r) => [r.variable, r.instead]));
  const rows = Object.entries(EnvSchema.properties as Record<string, SettingSchema>).map(
    ([name, s]) => {
      if (!s.description) {
        throw new Error(
          `env docs: ${name} has no description in packages/config/src/env.schema.ts`,
        );
      }
      const byDefault =
        s.default !== undefined ? code(s.default) : required.has(name) ? 'required' : 'unset';
      const refusal = refusals.get(name);
      const production = refusal
        ? `start refused while left at a development value: ${refusal}`
        : '';
      return `| ${[code(name), byDefault, accepts(s), s.description, production].map(cell).join(' | ')} |`;
    },
  );
  for (const variable of refusals.keys()) {
    if (!(variable in EnvSchema.properties)) {
      throw new Error(`env docs: production refuses ${variable}, which the schema lacks`);
    }
  }
  return [
    `<!-- Generated from packages/config/src/env.schema.ts by \`${ENV_DOCS_COMMAND}\`: edit the schema, not this table. -->`,
    '',
    '| variable | default | accepts | meaning | in production |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** `doc` with the text between the table's markers replaced by the table the schema gives. */
export function withEnvTable(doc: string): string {
  const start = doc.indexOf(ENV_TABLE_START);
  const end = doc.indexOf(ENV_TABLE_END);
  if (start < 0 || end < start) {
    throw new Error(`${ENV_DOCS_PATH} lacks the markers ${ENV_TABLE_START} … ${ENV_TABLE_END}`);
  }
  const before = doc.slice(0, start + ENV_TABLE_START.length);
  return `${before}\n${envTableMarkdown()}\n${doc.slice(end)}`;
}
