import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { type AppConfig, ConfigModule, type ProcessRole } from '@hs/config';
import { DomainModule } from '@hs/domain';
import { PersistenceModule } from '@hs/persistence';
import { EventsModule } from '../../events/src/events.module';
import { ObservabilityModule } from '../../events/src/observability/observability.module';
import { GatewayModule } from '../../gateway/src/gateway.module';
import { WorkerModule } from '../../worker/src/worker.module';

const PARTS: Record<ProcessRole, Type[]> = {
  all: [EventsModule, GatewayModule, WorkerModule, ObservabilityModule],
  api: [EventsModule, ObservabilityModule],
  // A gateway serves HTTP too (the Socket.IO handshake), so it answers health checks and scrapes itself.
  gateway: [GatewayModule, ObservabilityModule],
  worker: [WorkerModule],
};

/** Assembles the parts that ROLE asks for into one process. */
@Module({})
export class ServerModule {
  static forRole(config: AppConfig): DynamicModule {
    return {
      module: ServerModule,
      imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot(config), DomainModule, ...PARTS[config.role]],
    };
  }
}
