import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import { DomainError } from '@hs/contracts';
import { RateLimitStore } from '@hs/domain';
import { MetricsRegistry } from '@hs/persistence';
import { RATE_LIMIT, type RateLimitRule } from './rate-limit.rule';

/** Counts a request against its route's @RateLimit rule; the error filter turns the refusal into 429 + Retry-After. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly refused;

  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    metrics: MetricsRegistry,
  ) {
    // A rising count shows an attack, or a limit too tight for a venue's shared address.
    this.refused = metrics.counter({
      name: 'huurdersstem_http_rate_limited_total',
      help: 'Requests refused with 429 by @RateLimit, by bucket',
      labelNames: ['bucket'],
    });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.get<RateLimitRule | undefined>(RATE_LIMIT, context.getHandler());
    if (!rule) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const ip = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    const limit = typeof rule.limit === 'function' ? rule.limit(this.config) : (rule.limit ?? this.config.publicWriteRateLimit);
    const result = await this.limits.consume(
      { name: `http-${rule.bucket}`, points: limit, durationSeconds: rule.windowSeconds },
      ip,
    );
    if (result.over) {
      this.refused.inc({ bucket: rule.bucket });
      throw new DomainError('RATE_LIMITED', 'Te veel verzoeken vanaf dit adres; probeer het zo opnieuw.', {
        retryAfterSeconds: result.retryAfterSeconds,
      });
    }
    return true;
  }
}
