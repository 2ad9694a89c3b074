// `pnpm docs:env`: rewrites the environment table of docs/operations.md from the config schema.
import { readFile, writeFile } from 'node:fs/promises';
import { ENV_DOCS_PATH, withEnvTable } from '../env-docs.js';

const path = new URL(`../../../../${ENV_DOCS_PATH}`, import.meta.url);
const doc = await readFile(path, 'utf8');
const next = withEnvTable(doc);
if (next === doc) {
  console.log(`${ENV_DOCS_PATH}: the environment table is up to date`);
} else {
  await writeFile(path, next);
  console.log(`${ENV_DOCS_PATH}: environment table rewritten from the config schema`);
}
