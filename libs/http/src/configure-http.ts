import { type INestApplication, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { STATUS_CODES } from 'node:http';
import type { AppConfig } from '@hs/config';
import { MetricsRegistry } from '@hs/persistence';
import { HttpErrorFilter } from './domain-error.filter';
import { limitConnections } from './connection-limits';
import { hostileInputMiddleware } from './hostile-input.middleware';
import { httpMetricsMiddleware } from './http-metrics.middleware';

/**
 * What every HTTP-serving process applies: security headers, CORS from ALLOWED_ORIGINS,
 * a JSON body limit that answers 413, strict validation (unknown fields are a 400), one error shape.
 * The Nest app must be created with `bodyParser: false` so that our parser and its errors are used.
 */
export function configureHttp(app: INestApplication, config: AppConfig): void {
  const express_ = app as NestExpressApplication;
  // Who may name the client in X-Forwarded-For (TRUST_PROXY): every per-address limit depends on it.
  express_.set('trust proxy', config.trustProxy);
  const trustsProxy = express_.getHttpAdapter().getInstance().get('trust proxy fn') as (address: string, hop: number) => boolean;
  limitConnections(app.getHttpServer(), {
    perAddress: config.maxConnectionsPerIp,
    pendingPerAddress: config.maxPendingConnectionsPerIp,
    isTrustedProxy: (address) => trustsProxy(address, 0),
    refused: app.get(MetricsRegistry).counter({
      name: 'huurdersstem_connections_refused_total',
      help: 'Connections closed at once because their address had too many open (open) or not yet started (pending)',
      labelNames: ['reason'],
    }),
  });
  express_.disable('x-powered-by');
  // First, so that every answer is counted, also the 413s and 400s of the body parser below.
  app.use(httpMetricsMiddleware(app.get(MetricsRegistry)));
  // Over plain HTTP (a laptop at a venue, reached as http://<lan-ip>) upgrade-insecure-requests would make
  // the browser ask https:// for every asset and the page would never load; HSTS would pin a scheme
  // the server does not speak. Both only when tenants reach us over HTTPS.
  const https = new URL(config.publicUrl).protocol === 'https:';
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", ...config.allowedOrigins, ...config.allowedOrigins.map((o) => o.replace(/^http/, 'ws'))],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          upgradeInsecureRequests: https ? [] : null,
        },
      },
      strictTransportSecurity: https,
    }),
  );
  app.enableCors({ origin: config.allowedOrigins, credentials: false, maxAge: 600 });
  app.use(express.json({ limit: config.bodyLimitBytes, strict: true }));
  app.use(express.urlencoded({ extended: false, limit: config.bodyLimitBytes }));
  app.use((error: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (!error) return next();
    const status = error.type === 'entity.too.large' ? 413 : error.status && error.status < 500 ? error.status : 400;
    const message =
      status === 413
        ? `Het verzoek is te groot (hoogstens ${config.bodyLimitBytes} bytes).`
        : 'Het verzoek is geen geldige JSON.';
    res.status(status).json({ statusCode: status, message, error: STATUS_CODES[status] });
  });
  app.use(hostileInputMiddleware());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      forbidUnknownValues: true,
      stopAtFirstError: false,
    }),
  );
  app.useGlobalFilters(new HttpErrorFilter());
}
