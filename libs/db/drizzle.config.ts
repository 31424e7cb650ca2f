import { defineConfig } from 'drizzle-kit';

// `npm run db:generate -w @dunning/db` writes a new SQL migration from the schema's changes.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
});
