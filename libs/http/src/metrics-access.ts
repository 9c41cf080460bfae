import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '@hs/config';
import type { TokenService } from '@hs/domain';

export type MetricsAccess = 'allowed' | 'unauthorized' | 'forbidden';

function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison takes the same time whatever was sent.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * Who may read the metrics: an admin's access token, or `Bearer <METRICS_TOKEN>` for a Prometheus
 * scraper that cannot log in. Shared by the HTTP guard and the worker's own small metrics server.
 */
export function metricsAccess(authorization: unknown, config: AppConfig, tokens: TokenService): MetricsAccess {
  const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
  if (!match) return 'unauthorized';
  if (config.metricsToken && sameSecret(match[1], config.metricsToken)) return 'allowed';
  const principal = tokens.verify(match[1]);
  if (!principal || principal.kind !== 'staff') return 'unauthorized';
  return principal.role === 'admin' ? 'allowed' : 'forbidden';
}
