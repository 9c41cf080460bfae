import { Module } from '@nestjs/common';

/** The live-polling gateway: Socket.IO namespace /live. Its body comes with the live-polling issue. */
@Module({})
export class GatewayModule {}
