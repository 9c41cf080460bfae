import { Injectable } from '@nestjs/common';
import {
  collectDefaultMetrics,
  Counter,
  type CounterConfiguration,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  type HistogramConfiguration,
  type Metric,
  Registry,
} from 'prom-client';

/** Every metric this platform exports starts with this, so dashboards find them together. */
export const METRIC_PREFIX = 'huurdersstem_';

/**
 * The Prometheus registry of this process (GET /api/metrics renders it). One per Nest application, not a
 * module-level global, so that two apps in one test process do not collide on metric names.
 *
 * Any part adds its own figures through the get-or-create helpers, e.g. in a gateway:
 *   this.votes = metrics.counter({ name: 'huurdersstem_votes_total', help: '...', labelNames: ['status'] });
 * Calling a helper twice with the same name returns the same metric, so providers may ask for it freely.
 * Labels must have few values (a route, a status, an ack code), never ids, codes or anything personal.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  counter<L extends string>(config: CounterConfiguration<L>): Counter<L> {
    return this.getOrCreate(config.name, () => new Counter({ ...config, registers: [this.registry] }));
  }

  gauge<L extends string>(config: GaugeConfiguration<L>): Gauge<L> {
    return this.getOrCreate(config.name, () => new Gauge({ ...config, registers: [this.registry] }));
  }

  histogram<L extends string>(config: HistogramConfiguration<L>): Histogram<L> {
    return this.getOrCreate(config.name, () => new Histogram({ ...config, registers: [this.registry] }));
  }

  /** The text exposition format Prometheus scrapes. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  private getOrCreate<M extends Metric>(name: string, create: () => M): M {
    if (!name.startsWith(METRIC_PREFIX)) throw new Error(`metric ${name} must start with ${METRIC_PREFIX}`);
    return (this.registry.getSingleMetric(name) as M | undefined) ?? create();
  }
}
