import { Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import express from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { JoinQrController } from './join-qr.controller';
import { OriginCheckController } from './origin-check.controller';
import { PagesController } from './pages.controller';
import { ASSETS_DIR, CHART_JS_DIR, PAGES, PUBLIC_DIR, SOCKET_IO_CLIENT_DIR } from './web-paths';

/**
 * The web pages (docs/API.md, "Pages"): plain HTML, CSS and ES modules from apps/web/public, no build step.
 * Runs with the API (ROLE all and api): the pages call /api on their own origin, so they live where it lives.
 */
@Module({ controllers: [PagesController, JoinQrController, OriginCheckController] })
export class WebModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /**
   * Mounted here, after Nest's routes and before its 404 handler (see NestApplication.init), so an
   * unknown asset ends in the usual 404 and helmet's headers (set first in configureHttp) apply to assets too.
   */
  onModuleInit(): void {
    // Started from another folder, or an image without the files: say so once, rather than 404 every page.
    const missing = [
      ...Object.values(PAGES).map((file) => join(PUBLIC_DIR, file)),
      join(SOCKET_IO_CLIENT_DIR, 'socket.io.esm.min.js'),
      join(CHART_JS_DIR, 'chart.umd.min.js'),
    ].filter((file) => !existsSync(file));
    if (missing.length) new Logger('Web').error(`page files missing (start from the repository root): ${missing.join(', ')}`);
    const app = this.adapterHost.httpAdapter.getInstance<express.Express>();
    const options = { index: false, redirect: false, dotfiles: 'ignore', maxAge: '5m' } as const;
    app.use('/assets/vendor/socket.io', express.static(SOCKET_IO_CLIENT_DIR, options));
    app.use('/assets/vendor/chart.js', express.static(CHART_JS_DIR, options));
    app.use('/assets', express.static(ASSETS_DIR, options));
  }
}
