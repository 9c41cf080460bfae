import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { loadConfig } from '@hs/config';
import { startServer } from '../apps/server/src/bootstrap';
import * as P from '@hs/persistence';
import { LiveGateway } from '../apps/gateway/src/live.gateway';
import { LiveDeliveryService } from '../apps/gateway/src/live-delivery.service';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const port = 6391;
const startRedis = () => spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
function wrap(cls: any, name: string) {
  for (const hook of ['onApplicationShutdown', 'beforeApplicationShutdown', 'onModuleDestroy']) {
    const orig = cls.prototype[hook];
    if (!orig) continue;
    cls.prototype[hook] = async function (...a: any[]) {
      const t = Date.now();
      console.log('>>', name, hook);
      try { return await orig.apply(this, a); } finally { console.log('<<', name, hook, Date.now() - t); }
    };
  }
}
for (const [k, v] of Object.entries(P)) if (typeof v === 'function' && k.endsWith('Repository')) wrap(v, k);
wrap(LiveGateway, 'LiveGateway'); wrap(LiveDeliveryService, 'LiveDelivery');
(async () => {
  let redis = startRedis();
  await sleep(300);
  const config = loadConfig({ ...process.env, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/hs_close', REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_PREFIX: 'hsc', LOG_LEVEL: 'error' });
  const { app } = await startServer(config, { listenPort: 0 });
  await sleep(500);
  redis.kill('SIGKILL');
  await sleep(200);
  redis = startRedis();
  await sleep(800);
  console.log('closing');
  await app.close();
  console.log('closed');
  redis.kill('SIGKILL');
})();
