import { type DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '@hs/config';
import { dataSourceOptions } from './data-source';
import { ENTITIES } from './entities';
import { repositoriesFor } from './local/local-backplane';

/** PostgreSQL (TypeORM) and the backplane (Redis, or in-process) for the whole process; the schema is migrated before this starts. */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(config: AppConfig): DynamicModule {
    const { providers, tokens } = repositoriesFor(config);
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl), migrationsRun: false }),
        TypeOrmModule.forFeature(ENTITIES),
      ],
      providers,
      exports: [TypeOrmModule, ...(tokens as Array<Provider | string | symbol>)],
    };
  }
}
