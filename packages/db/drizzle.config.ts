import { defineConfig } from 'drizzle-kit';

// Generation only compares the schema files with the committed snapshots: no database needed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
});
