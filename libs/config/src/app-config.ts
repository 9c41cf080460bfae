/**
 * The environment, read and checked once at boot (docs/API.md, "Configuration"; every variable is in the README).
 * Everything else in the code base receives an AppConfig; nothing else reads process.env.
 */
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';

export const ROLES = ['all', 'api', 'gateway', 'worker'] as const;
export type ProcessRole = (typeof ROLES)[number];

/**
 * What carries the queue, the live bus, tallies, rate limits and the Socket.IO adapter: Redis (any number of
 * processes) or the process itself with jobs in PostgreSQL (one process, ROLE=all). `auto` is decided once at
 * boot: Redis when it answers on 127.0.0.1:6379, else local.
 */
export const BACKPLANES = ['redis', 'local'] as const;
export type Backplane = (typeof BACKPLANES)[number];

export interface AppConfig {
  nodeEnv: string;
  port: number;
  databaseUrl: string;
  /** DATABASE_URL was given: it always wins. Unset, and nothing on 127.0.0.1:5432, the launcher embeds PostgreSQL. */
  databaseUrlGiven: boolean;
  /** Where an embedded PostgreSQL keeps its cluster (DATA_DIR/postgres), across restarts. */
  dataDir: string;
  redisUrl: string;
  /** `auto` until the launcher has looked whether Redis answers (see chooseBackplane). */
  backplane: Backplane | 'auto';
  /** Prefix for every Redis key, queue and channel this deployment uses (tests use one per run). */
  redisPrefix: string;
  adminEmail?: string;
  adminPassword?: string;
  jwtSecret: string;
  jwtSecretGenerated: boolean;
  allowedOrigins: string[];
  suppressBelow: number;
  role: ProcessRole;
  registrationRetentionDays: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Public base URL used for join links and QR codes; defaults to http://localhost:PORT. Its origin is always allowed. */
  publicUrl: string;
  /** Largest accepted HTTP JSON body. */
  bodyLimitBytes: number;
  /** Votes a single participant may send per 10 seconds. */
  voteRateLimit: number;
  /** Failed joins (bad cards) per join code per minute, and failed joins (unknown codes, bad cards) per address per minute. */
  joinRateLimitPerCode: number;
  joinRateLimitPerIp: number;
  /** Failed staff sign-ins per address in 15 minutes before that address is refused (never per account). */
  loginFailuresPerIp: number;
  /** Registrations per address per hour. */
  registrationsPerIp: number;
  /** Express `trust proxy`: which peers may name the client in X-Forwarded-For (false: none, a number: hops). */
  trustProxy: string | number | false;
  /** Open connections per client address, and of those, connections that have not sent a request head yet. */
  maxConnectionsPerIp: number;
  maxPendingConnectionsPerIp: number;
  /** Most votes written in one transaction by the group commit (1 = one INSERT per vote, the benchmark baseline). */
  voteBatchMax: number;
  /** How long the group commit waits to gather more votes before it writes, in milliseconds. */
  voteBatchWaitMs: number;
  /** Requests per IP per minute on each public write route (@RateLimit); generous, a venue shares one NAT address. */
  publicWriteRateLimit: number;
  /** A bearer token that may read /api/metrics besides an admin's token; unset: admins only. */
  metricsToken?: string;
  /** ROLE=worker only: a port on which the worker answers GET /health and GET /metrics (it has no HTTP API). */
  metricsPort?: number;
}

/** A bad configuration value: the message is the one line printed before the process stops. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error: ${variable} ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/tenant_voice';

function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function urlVar(env: Env, name: string, fallback: string, protocols: string[]): string {
  const raw = (env[name] ?? '').trim() || fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => p + '//').join(' or ')}`);
  }
  return raw;
}

/**
 * ALLOWED_ORIGINS, always with PUBLIC_URL's origin added: the QR code sends phones to PUBLIC_URL, so a page
 * opened there must be able to open its socket. At a venue, setting PUBLIC_URL to the laptop's address is then
 * the one step (a phone on the LAN address was refused on the socket while its HTTP calls worked).
 */
function originsVar(env: Env, port: number, publicUrl: string): string[] {
  const raw = (env.ALLOWED_ORIGINS ?? '').trim();
  const given = raw ? listedOrigins(raw) : [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  return [...new Set([...given, new URL(publicUrl).origin])];
}

function listedOrigins(raw: string): string[] {
  return raw.split(',').map((part) => {
    const origin = part.trim();
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new ConfigError('ALLOWED_ORIGINS', `contains "${origin}", which is not an origin like https://example.nl`);
    }
    if (url.origin !== origin.replace(/\/$/, '')) {
      throw new ConfigError('ALLOWED_ORIGINS', `contains "${origin}": give scheme, host and port only`);
    }
    return url.origin;
  });
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: `false` (no proxy: X-Forwarded-For is ignored), a number of proxy hops, or a comma-separated
 * list of `loopback`, `linklocal`, `uniquelocal`, addresses and CIDR ranges. `true` (trust anyone) is refused:
 * every client could then name its own address and escape the per-address limits.
 */
function trustProxyVar(env: Env): string | number | false {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (!raw) return 'loopback';
  if (raw === 'false') return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops < 1 || hops > 10) throw new ConfigError('TRUST_PROXY', `must count 1 to 10 proxy hops, got ${hops}`);
    return hops;
  }
  const parts = raw.split(',').map((part) => part.trim());
  for (const part of parts) {
    const [address, bits, extra] = part.split('/');
    const version = isIP(address ?? '');
    const validBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 6 ? 128 : 32));
    if (PROXY_NAMES.includes(part) || (version !== 0 && validBits && extra === undefined)) continue;
    throw new ConfigError(
      'TRUST_PROXY',
      `must be false, a number of hops, or a list of loopback, linklocal, uniquelocal, addresses and CIDR ranges; "${part}" is none of these`,
    );
  }
  return parts.join(', ');
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = (env.NODE_ENV ?? 'development').trim() || 'development';
  const port = intVar(env, 'PORT', 3000, 1, 65535);

  const role = ((env.ROLE ?? 'all').trim() || 'all') as ProcessRole;
  if (!ROLES.includes(role)) throw new ConfigError('ROLE', `must be one of ${ROLES.join(', ')}, got "${env.ROLE}"`);

  const adminEmail = env.ADMIN_EMAIL?.trim() || undefined;
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (adminEmail && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(adminEmail)) {
    throw new ConfigError('ADMIN_EMAIL', 'is not an e-mail address');
  }
  if (adminEmail && adminPassword === undefined) throw new ConfigError('ADMIN_PASSWORD', 'must be set when ADMIN_EMAIL is');
  if (adminPassword !== undefined && !adminEmail) throw new ConfigError('ADMIN_EMAIL', 'must be set when ADMIN_PASSWORD is');
  if (adminPassword !== undefined && adminPassword.length < 10) {
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 10 characters');
  }

  let jwtSecret = env.JWT_SECRET ?? '';
  let jwtSecretGenerated = false;
  if (!jwtSecret) {
    if (nodeEnv === 'production') throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production');
    jwtSecret = randomBytes(32).toString('hex');
    jwtSecretGenerated = true;
  } else if (jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  }

  const logLevel = ((env.LOG_LEVEL ?? 'info').trim() || 'info') as AppConfig['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be debug, info, warn or error, got "${env.LOG_LEVEL}"`);
  }

  const metricsToken = env.METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && (metricsToken.length < 16 || /\s/.test(metricsToken))) {
    throw new ConfigError('METRICS_TOKEN', 'must be at least 16 characters without spaces');
  }

  const backplaneRaw = (env.BACKPLANE ?? '').trim();
  if (backplaneRaw && !(BACKPLANES as readonly string[]).includes(backplaneRaw)) {
    throw new ConfigError('BACKPLANE', `must be redis or local, got "${backplaneRaw}"`);
  }
  const redisUrlGiven = Boolean((env.REDIS_URL ?? '').trim());
  const backplane = (backplaneRaw || (redisUrlGiven ? 'redis' : 'auto')) as Backplane | 'auto';
  if (backplane === 'local' && role !== 'all') {
    throw new ConfigError(
      'BACKPLANE',
      `local runs one process only (ROLE=all); ROLE=${role} needs Redis: several processes share it`,
    );
  }

  const redisPrefix = (env.REDIS_PREFIX ?? 'hs').trim() || 'hs';
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(redisPrefix)) {
    throw new ConfigError('REDIS_PREFIX', 'may hold only letters, digits, _ and - (at most 40)');
  }

  const publicUrl = urlVar(env, 'PUBLIC_URL', `http://localhost:${port}`, ['http:', 'https:']).replace(/\/$/, '');

  return {
    nodeEnv,
    port,
    databaseUrl: urlVar(env, 'DATABASE_URL', DEFAULT_DATABASE_URL, ['postgres:', 'postgresql:']),
    databaseUrlGiven: Boolean((env.DATABASE_URL ?? '').trim()),
    dataDir: (env.DATA_DIR ?? '').trim() || '.data',
    redisUrl: urlVar(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    backplane,
    redisPrefix,
    adminEmail,
    adminPassword,
    jwtSecret,
    jwtSecretGenerated,
    allowedOrigins: originsVar(env, port, publicUrl),
    suppressBelow: intVar(env, 'SUPPRESS_BELOW', 5, 1, 1000),
    role,
    registrationRetentionDays: intVar(env, 'REGISTRATION_RETENTION_DAYS', 30, 0, 3650),
    logLevel,
    publicUrl,
    bodyLimitBytes: intVar(env, 'BODY_LIMIT_BYTES', 100 * 1024, 1024, 10 * 1024 * 1024),
    voteRateLimit: intVar(env, 'VOTE_RATE_LIMIT', 30, 1, 1_000_000),
    joinRateLimitPerCode: intVar(env, 'JOIN_RATE_LIMIT_PER_CODE', 300, 1, 1_000_000),
    joinRateLimitPerIp: intVar(env, 'JOIN_RATE_LIMIT_PER_IP', 60, 1, 1_000_000),
    loginFailuresPerIp: intVar(env, 'LOGIN_FAILURES_PER_IP', 30, 1, 1_000_000),
    registrationsPerIp: intVar(env, 'REGISTRATIONS_PER_IP', 30, 1, 1_000_000),
    trustProxy: trustProxyVar(env),
    maxConnectionsPerIp: intVar(env, 'MAX_CONNECTIONS_PER_IP', 1000, 1, 1_000_000),
    maxPendingConnectionsPerIp: intVar(env, 'MAX_PENDING_CONNECTIONS_PER_IP', 200, 1, 1_000_000),
    voteBatchMax: intVar(env, 'VOTE_BATCH_MAX', 500, 1, 10_000),
    voteBatchWaitMs: intVar(env, 'VOTE_BATCH_WAIT_MS', 2, 0, 1000),
    publicWriteRateLimit: intVar(env, 'PUBLIC_WRITE_RATE_LIMIT', 600, 1, 1_000_000),
    metricsToken,
    metricsPort: env.METRICS_PORT?.trim() ? intVar(env, 'METRICS_PORT', 0, 1, 65535) : undefined,
  };
}

/** loadConfig for a process's entry point: a bad variable ends the process with its one line and exit code 1. */
export function loadConfigOrExit(env: Env = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(error.message + '\n');
      process.exit(1);
    }
    throw error;
  }
}
