import { Global, Module } from '@nestjs/common';
import { RateLimitStore } from './limits/rate-limit-store';
import { RATE_LIMIT_STORE_PROVIDER } from './limits/rate-limit-store.provider';
import { DOMAIN_SERVICES } from './services';

/** The rules of evenings, dilemmas, votes and tallies: every app imports this, none of it knows a transport. */
@Global()
@Module({ providers: [...DOMAIN_SERVICES, RATE_LIMIT_STORE_PROVIDER], exports: [...DOMAIN_SERVICES, RateLimitStore] })
export class DomainModule {}
