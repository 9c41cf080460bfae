import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import { TokenService } from '@hs/domain';
import { HealthProbeRepository, MetricsRegistry, PROBE_TIMEOUT_MS } from '@hs/persistence';
import { metricsAccess } from '@hs/http';

async function probe(run: () => Promise<unknown>): Promise<Record<string, unknown>> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timeout of ${PROBE_TIMEOUT_MS}ms exceeded`)), PROBE_TIMEOUT_MS);
    });
    const data = await Promise.race([run(), timeout]);
    return { status: 'up', ...(data && typeof data === 'object' ? data : {}) };
  } catch (error) {
    return { status: 'down', message: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A worker boots without an HTTP API (it runs processors only), yet its health and the figures that the
 * processors add to the metrics registry must be reachable in a split deployment. With METRICS_PORT set,
 * a ROLE=worker process answers GET /health (as /api/health does) and GET /metrics (admin token or
 * METRICS_TOKEN, as /api/metrics) on that port, and nothing else.
 */
@Injectable()
export class WorkerOpsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkerOps');
  private server?: Server;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsRegistry,
    private readonly probes: HealthProbeRepository,
    private readonly tokens: TokenService,
  ) {}

  get port(): number | null {
    const address = this.server?.address();
    return address && typeof address === 'object' ? address.port : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.metricsPort === undefined) return;
    this.server = createServer((req, res) => {
      this.answer(req, res).catch(() => this.send(res, 500, 'application/json', '{"status":"error"}'));
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.config.metricsPort, () => resolve());
    });
    this.logger.log(`health and metrics on port ${this.port}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET') return this.send(res, 405, 'text/plain', 'Method Not Allowed');
    if (path === '/health') {
      const results: Record<string, Record<string, unknown>> = {};
      for (const [name, run] of this.probes.probes()) results[name] = await probe(run);
      const down = Object.entries(results).filter(([, result]) => result.status === 'down');
      const up = Object.entries(results).filter(([, result]) => result.status === 'up');
      const body = { status: down.length ? 'error' : 'ok', info: Object.fromEntries(up), error: Object.fromEntries(down) };
      return this.send(res, down.length ? 503 : 200, 'application/json', JSON.stringify(body));
    }
    if (path === '/metrics') {
      const access = metricsAccess(req.headers.authorization, this.config, this.tokens);
      if (access === 'unauthorized') return this.send(res, 401, 'text/plain', 'Unauthorized');
      if (access === 'forbidden') return this.send(res, 403, 'text/plain', 'Forbidden');
      return this.send(res, 200, this.metrics.contentType, await this.metrics.render());
    }
    return this.send(res, 404, 'text/plain', 'Not Found');
  }

  private send(res: ServerResponse, status: number, contentType: string, body: string): void {
    res.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store' }).end(body);
  }
}
