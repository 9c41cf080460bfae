import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type AppConfig, loadConfig } from '@hs/config';
import type { StaffRole } from '@hs/contracts';
import { StaffService } from '@hs/domain';
import { startServer } from '../../apps/server/src/bootstrap';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  port: number;
  url: string;
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * Boots the real platform (ROLE=all unless overridden) on a free port against this run's
 * throwaway database and Redis prefix (see global-setup.ts).
 */
export async function bootTestApp(env: Record<string, string> = {}, options: { port?: number } = {}): Promise<TestApp> {
  const config = loadConfig({ ...process.env, PORT: '3999', ALLOWED_ORIGINS: 'http://localhost:3999', ...env });
  // A browser test listens on a port chosen up front, so that ALLOWED_ORIGINS can name the page's origin.
  const { app, port, config: started } = await startServer(config, { listenPort: options.port ?? 0 });
  const nest = app as INestApplication;
  const url = `http://127.0.0.1:${port}`;
  return {
    app: nest,
    config: started,
    port: port!,
    url,
    http: request(nest.getHttpServer()),
    dataSource: nest.get(DataSource),
    close: () => nest.close(),
  };
}

export interface StaffSession {
  id: string;
  email: string;
  role: StaffRole;
  token: string;
  auth: { Authorization: string };
}

/**
 * Creates a staff account straight through the domain and logs it in over HTTP. The people at the table
 * (tenant_org, municipality) need the municipalities they read.
 */
export async function staffSession(t: TestApp, role: StaffRole, municipalities?: string[]): Promise<StaffSession> {
  const email = `${role}-${randomUUID()}@test.huurdersstem.nl`;
  const password = `wachtwoord-${randomUUID()}`;
  const user = await t.app
    .get(StaffService)
    .create(null, { email, name: `Test ${role}`, role, password, ...(municipalities ? { municipalities } : {}) });
  const response = await t.http.post('/api/auth/login').send({ email, password }).expect(200);
  const token = response.body.accessToken as string;
  return { id: user.id, email, role, token, auth: { Authorization: `Bearer ${token}` } };
}

/** The admin, facilitator and analyst most suites act as. */
export interface StaffTrio {
  admin: StaffSession;
  facilitator: StaffSession;
  analyst: StaffSession;
}

/** Boots the application (as bootTestApp) and signs in one staff member of each everyday role. */
export async function bootWithStaff(env: Record<string, string> = {}): Promise<{ t: TestApp } & StaffTrio> {
  const t = await bootTestApp(env);
  const [admin, facilitator, analyst] = await Promise.all([
    staffSession(t, 'admin'),
    staffSession(t, 'facilitator'),
    staffSession(t, 'analyst'),
  ]);
  return { t, admin, facilitator, analyst };
}

/** A supertest parser that keeps the body as bytes (a PDF, a CSV with its BOM): `.buffer(true).parse(asBytes)`. */
export function asBytes(
  res: { on(event: string, listener: (chunk?: Buffer) => void): unknown },
  cb: (err: Error | null, body: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk) => chunks.push(chunk!));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}
