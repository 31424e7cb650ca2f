import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openApiDocument } from '../common/contract/openapi-document';
import { contractApp } from './contract-app';

/** Writes docs/openapi.json (`npm run openapi`): the contract test fails until it matches the routes. */
export const OPENAPI_FILE = path.resolve(__dirname, '../../../../docs/openapi.json');

export function formatDocument(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

async function main(): Promise<void> {
  const { app, close } = await contractApp();
  const document = openApiDocument(app);
  writeFileSync(OPENAPI_FILE, formatDocument(document));
  await close();
  console.log(`wrote ${path.relative(process.cwd(), OPENAPI_FILE)}: ${Object.values(document.paths).reduce((n, p) => n + Object.keys(p).length, 0)} operations`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
