import { Global, Module } from '@nestjs/common';
import { BACKPLANE_PROVIDERS } from './ports/backplane.providers';
import { RateLimitStore } from './limits/rate-limit-store';
import { RATE_LIMIT_STORE_PROVIDER } from './limits/rate-limit-store.provider';
import { DOMAIN_SERVICES } from './services';

const PORTS = BACKPLANE_PROVIDERS.map((provider) => provider.provide);

/** The rules of evenings, dilemmas, votes and tallies: every app imports this, none of it knows a transport. */
@Global()
@Module({
  providers: [...BACKPLANE_PROVIDERS, ...DOMAIN_SERVICES, RATE_LIMIT_STORE_PROVIDER],
  exports: [...PORTS, ...DOMAIN_SERVICES, RateLimitStore],
})
export class DomainModule {}
