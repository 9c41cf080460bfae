// The face of the gateway app: what the launcher (apps/server) may assemble.
export { GatewayModule } from './gateway.module';
