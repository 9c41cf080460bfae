import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies the contract defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/tenant_voice');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.suppressBelow).toBe(5);
    expect(config.role).toBe('all');
    expect(config.allowedOrigins).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000']);
    expect(config.jwtSecretGenerated).toBe(true);
    expect(config.registrationRetentionDays).toBe(30);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ ROLE: 'everything' }, 'ROLE'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ SUPPRESS_BELOW: '-1' }, 'SUPPRESS_BELOW'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ ALLOWED_ORIGINS: 'https://a.nl/path' }, 'ALLOWED_ORIGINS'],
    [{ ADMIN_EMAIL: 'admin@example.nl' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_EMAIL: 'admin@example.nl', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ REGISTRATION_RETENTION_DAYS: '1.5' }, 'REGISTRATION_RETENTION_DAYS'],
    [{ PUBLIC_WRITE_RATE_LIMIT: '0' }, 'PUBLIC_WRITE_RATE_LIMIT'],
    [{ PUBLIC_WRITE_RATE_LIMIT: 'many' }, 'PUBLIC_WRITE_RATE_LIMIT'],
    [{ METRICS_TOKEN: 'too-short' }, 'METRICS_TOKEN'],
    [{ METRICS_PORT: '0' }, 'METRICS_PORT'],
    [{ METRICS_PORT: 'http' }, 'METRICS_PORT'],
    [{ METRICS_TOKEN: 'has a space in the middle of it' }, 'METRICS_TOKEN'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'nginx' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '0' }, 'TRUST_PROXY'],
    [{ LOGIN_FAILURES_PER_IP: '0' }, 'LOGIN_FAILURES_PER_IP'],
    [{ REGISTRATIONS_PER_IP: 'veel' }, 'REGISTRATIONS_PER_IP'],
    [{ MAX_CONNECTIONS_PER_IP: '-5' }, 'MAX_CONNECTIONS_PER_IP'],
    [{ MAX_PENDING_CONNECTIONS_PER_IP: '0' }, 'MAX_PENDING_CONNECTIONS_PER_IP'],
  ])('refuses %j naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toMatch(new RegExp(`^Configuration error: ${variable} `));
    expect((error as ConfigError).message).not.toContain('\n');
  });

  it('never puts a secret value into its error message', () => {
    expect(() => loadConfig({ JWT_SECRET: 'tiny-secret' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ JWT_SECRET: 'tiny-secret' })).not.toThrow(/tiny-secret/);
  });

  it('reads the platform settings: public write rate limit and metrics token', () => {
    const defaults = loadConfig({});
    expect(defaults.publicWriteRateLimit).toBe(600);
    expect(defaults.metricsToken).toBeUndefined();
    expect(defaults.metricsPort).toBeUndefined();
    expect(loadConfig({ METRICS_PORT: '9464' }).metricsPort).toBe(9464);
    const set = loadConfig({ PUBLIC_WRITE_RATE_LIMIT: '50', METRICS_TOKEN: 'prometheus-scrape-token-1234' });
    expect(set.publicWriteRateLimit).toBe(50);
    expect(set.metricsToken).toBe('prometheus-scrape-token-1234');
    expect(() => loadConfig({ METRICS_TOKEN: 'secret-short' })).not.toThrow(/secret-short/);
  });

  it('settles the backplane from BACKPLANE, else from REDIS_URL, else leaves it to the launcher', () => {
    expect(loadConfig({ BACKPLANE: 'local' }).backplane).toBe('local');
    expect(loadConfig({ BACKPLANE: 'redis' }).backplane).toBe('redis');
    expect(loadConfig({ REDIS_URL: 'redis://cache:6379' }).backplane).toBe('redis');
    expect(loadConfig({ BACKPLANE: 'local', REDIS_URL: 'redis://cache:6379' }).backplane).toBe('local');
    expect(loadConfig({}).backplane).toBe('auto');
    expect(() => loadConfig({ BACKPLANE: 'kafka' })).toThrow('Configuration error: BACKPLANE must be redis or local');
    expect(() => loadConfig({ BACKPLANE: 'local', ROLE: 'worker' })).toThrow(/BACKPLANE local runs one process only/);
  });

  it('remembers whether DATABASE_URL was given, and where an embedded PostgreSQL keeps its data', () => {
    expect(loadConfig({}).databaseUrlGiven).toBe(false);
    expect(loadConfig({}).dataDir).toBe('.data');
    const given = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/x', DATA_DIR: '/var/lib/hs' });
    expect([given.databaseUrlGiven, given.dataDir]).toEqual([true, '/var/lib/hs']);
  });

  it('trusts X-Forwarded-For from a proxy on this machine only, unless TRUST_PROXY says otherwise', () => {
    expect(loadConfig({}).trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 172.16.0.0/12,fd00::1' }).trustProxy).toBe('loopback, 172.16.0.0/12, fd00::1');
  });

  it('parses a list of origins', () => {
    const config = loadConfig({ ALLOWED_ORIGINS: 'https://stem.example.nl, http://localhost:4000', PORT: '4000' });
    expect(config.allowedOrigins).toEqual(['https://stem.example.nl', 'http://localhost:4000']);
  });

  it("always allows PUBLIC_URL's origin, so a phone that followed the QR code can open its socket", () => {
    expect(loadConfig({ PUBLIC_URL: 'http://192.168.1.20:3000/' }).allowedOrigins).toEqual([
      'http://localhost:3000',
      'http://127.0.0.1:3000',
      'http://192.168.1.20:3000',
    ]);
    expect(
      loadConfig({ ALLOWED_ORIGINS: 'https://stem.example.nl', PUBLIC_URL: 'https://stem.example.nl/huurders' }).allowedOrigins,
    ).toEqual(['https://stem.example.nl']);
    expect(loadConfig({ ALLOWED_ORIGINS: 'https://a.nl', PUBLIC_URL: 'http://10.0.0.5:8080' }).allowedOrigins).toEqual([
      'https://a.nl',
      'http://10.0.0.5:8080',
    ]);
  });
});
