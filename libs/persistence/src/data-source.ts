import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { RedactingTypeOrmLogger } from './typeorm-logger';

/** The one description of our PostgreSQL schema: entities, migrations, never synchronize. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    logging: ['error', 'warn', 'migration'],
    logger: new RedactingTypeOrmLogger(),
    maxQueryExecutionTime: 2000,
    extra: { max: 20, application_name: 'huurdersstem' },
  };
}

export function createDataSource(databaseUrl: string): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl));
}
