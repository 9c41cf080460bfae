// The face of the worker app: what the launcher (apps/server) may assemble.
export { WorkerModule } from './worker.module';
