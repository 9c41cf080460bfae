import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { type AppConfig, ConfigModule, type ProcessRole } from '@hs/config';
import { DomainModule } from '@hs/domain';
import { PersistenceModule } from '@hs/persistence';
import { EventsModule, ObservabilityModule } from '@hs/events';
import { GatewayModule } from '@hs/gateway';
import { WebModule } from '@hs/web';
import { WorkerModule } from '@hs/worker';
import { WorkerOpsModule } from './worker-ops.module';

/** The pages call /api on their own origin, so they are served wherever the API runs. */
const SERVES_PAGES: ProcessRole[] = ['all', 'api'];

const PARTS: Record<ProcessRole, Type[]> = {
  all: [EventsModule, GatewayModule, WorkerModule, ObservabilityModule],
  api: [EventsModule, ObservabilityModule],
  // A gateway serves HTTP too (the Socket.IO handshake), so it answers health checks and scrapes itself.
  gateway: [GatewayModule, ObservabilityModule],
  // A worker has no HTTP API; with METRICS_PORT it still answers /health and /metrics on that port.
  worker: [WorkerModule, WorkerOpsModule],
};

/** Assembles the parts that ROLE asks for into one process. */
@Module({})
export class ServerModule {
  static forRole(config: AppConfig): DynamicModule {
    return {
      module: ServerModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule.forRoot(config),
        DomainModule,
        ...PARTS[config.role],
        ...(SERVES_PAGES.includes(config.role) ? [WebModule] : []),
      ],
    };
  }
}
