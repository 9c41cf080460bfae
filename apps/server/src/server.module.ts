import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { type AppConfig, ConfigModule, type ProcessRole } from '@hs/config';
import { DomainModule } from '@hs/domain';
import { PersistenceModule } from '@hs/persistence';
import { EventsModule } from '../../events/src/events.module';
import { GatewayModule } from '../../gateway/src/gateway.module';
import { WebModule } from '../../web/src/web.module';
import { WorkerModule } from '../../worker/src/worker.module';

/** The pages call /api on their own origin, so they are served wherever the API runs. */
const SERVES_PAGES: ProcessRole[] = ['all', 'api'];

const PARTS: Record<ProcessRole, Type[]> = {
  all: [EventsModule, GatewayModule, WorkerModule],
  api: [EventsModule],
  gateway: [GatewayModule],
  worker: [WorkerModule],
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
