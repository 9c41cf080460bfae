// The face of the web app: what the launcher (apps/server) may assemble.
export { WebModule } from './web.module';
