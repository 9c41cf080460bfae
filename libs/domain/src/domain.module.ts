import { Global, Module } from '@nestjs/common';
import { DOMAIN_SERVICES } from './services';

/** The rules of evenings, dilemmas, votes and tallies: every app imports this, none of it knows a transport. */
@Global()
@Module({ providers: DOMAIN_SERVICES, exports: DOMAIN_SERVICES })
export class DomainModule {}
