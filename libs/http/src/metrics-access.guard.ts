import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import { TokenService } from '@hs/domain';
import { metricsAccess } from './metrics-access';

/** GET /api/metrics shows load and error rates, which are not for everyone: see metricsAccess. */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const header: unknown = context.switchToHttp().getRequest().headers?.authorization;
    const access = metricsAccess(header, this.config, this.tokens);
    if (access === 'unauthorized') throw new UnauthorizedException('Metrics vragen een beheerderstoken of METRICS_TOKEN.');
    if (access === 'forbidden') throw new ForbiddenException('Alleen beheerders mogen de metrics lezen.');
    return true;
  }
}
