import { Module } from '@nestjs/common';
import { LiveDeliveryService } from './live-delivery.service';
import { LiveGateway } from './live.gateway';
import { PresenceService } from './presence.service';

/**
 * The live-polling gateway: Socket.IO namespace /live on this process's HTTP server. It delivers
 * what the API and the worker publish on the live bus to its own sockets, and takes tenants' votes.
 */
@Module({ providers: [LiveGateway, LiveDeliveryService, PresenceService] })
export class GatewayModule {}
