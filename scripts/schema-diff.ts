import 'reflect-metadata';
import { createDataSource } from '../libs/persistence/src/data-source';
import { ensureDatabase } from '../libs/persistence/src/database-bootstrap';
void (async () => {
  const url = process.argv[2];
  await ensureDatabase(url);
  const ds = createDataSource(url);
  await ds.initialize();
  await ds.runMigrations();
  const sql = await ds.driver.createSchemaBuilder().log();
  console.log(JSON.stringify({ up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query) }, null, 1));
  await ds.destroy();
})();
