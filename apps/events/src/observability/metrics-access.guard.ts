import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import { TokenService } from '@hs/domain';

function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison takes the same time whatever was sent.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * GET /api/metrics shows load and error rates, which are not for everyone: it takes either an admin's
 * access token or, for a Prometheus scraper that cannot log in, `Authorization: Bearer <METRICS_TOKEN>`.
 */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const header: unknown = context.switchToHttp().getRequest().headers?.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new UnauthorizedException('Metrics vragen een beheerderstoken of METRICS_TOKEN.');
    if (this.config.metricsToken && sameSecret(match[1], this.config.metricsToken)) return true;
    const principal = this.tokens.verify(match[1]);
    if (!principal || principal.kind !== 'staff') {
      throw new UnauthorizedException('Metrics vragen een beheerderstoken of METRICS_TOKEN.');
    }
    if (principal.role !== 'admin') throw new ForbiddenException('Alleen beheerders mogen de metrics lezen.');
    return true;
  }
}
