import type { NextFunction, Request, Response } from 'express';
import type { MetricsRegistry } from '@hs/persistence';

/**
 * Counts every HTTP request and its duration by method, route pattern and status. The route is the
 * Express pattern (`/api/evenings/:id`), never the concrete path, so ids and codes do not become labels;
 * requests that matched no route (static files, 404s) share the label `other`.
 */
export function httpMetricsMiddleware(metrics: MetricsRegistry) {
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = metrics.counter({
    name: 'huurdersstem_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames,
  });
  const duration = metrics.histogram({
    name: 'huurdersstem_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  });

  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const routePath: unknown = (req.route as { path?: unknown } | undefined)?.path;
      const route = typeof routePath === 'string' ? `${req.baseUrl ?? ''}${routePath}` : 'other';
      const labels = { method: req.method, route, status: String(res.statusCode) };
      requests.inc(labels);
      duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}
