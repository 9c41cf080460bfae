// The face of the events app: what the launcher (apps/server) may assemble.
export { EventsModule } from './events.module';
export { ObservabilityModule } from './observability/observability.module';
