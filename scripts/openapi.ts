/**
 * Writes the OpenAPI document the server serves at /api/docs-json to a file, without a database or Redis:
 * the application is created in preview mode (modules and routes are read, no provider is instantiated).
 *
 *   ts-node -r tsconfig-paths/register --transpile-only scripts/openapi.ts [out-file]
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@hs/config';
import { ServerModule } from '../apps/server/src/server.module';
import { buildOpenApiDocument } from '../apps/server/src/openapi';

async function main(): Promise<void> {
  const out = process.argv[2] ?? 'dist/openapi.json';
  // ROLE=all registers every controller; the local backplane keeps Redis out of module wiring.
  const config = { ...loadConfig({ ...process.env, ROLE: 'all', BACKPLANE: 'local' }), backplane: 'local' as const };
  const app = await NestFactory.create(ServerModule.forRole(config), { preview: true, logger: ['error'] });
  const document = buildOpenApiDocument(app, config);
  await app.close();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`${out}: ${Object.keys(document.paths).length} paths`);
}

void main();
