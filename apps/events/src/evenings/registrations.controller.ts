import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RegistrationService, type StaffPrincipal } from '@hs/domain';
import { ApiRoute, CurrentStaff, Public, RateLimit, Roles } from '@hs/http';
import { CreateRegistrationDto, RegistrationCreatedDto, RegistrationDto, RegistrationsDeletedDto } from './registration.dto';

@ApiTags('registrations')
@Controller('api/evenings/:id/registrations')
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationService) {}

  @Public()
  @RateLimit('registrations', (config) => config.registrationsPerIp, 3600)
  @Post()
  @ApiRoute({
    summary: 'Sign up for a published evening (open for registration). Live, draft or ended evenings answer 409.',
    description:
      'Never linked to votes or participants. Deleted automatically REGISTRATION_RETENTION_DAYS (default 30) after the evening ended.',
    errors: [
      [400, 'Invalid fields, or consent not true (CONSENT_REQUIRED).'],
      [404, 'Unknown evening.'],
      [
        409,
        'EVENING_FULL, EVENING_NOT_OPEN_FOR_REGISTRATION, or REGISTRATION_EXISTS (this e-mail address is registered already).',
      ],
    ],
  })
  @ApiCreatedResponse({ type: RegistrationCreatedDto })
  register(@Param('id') eveningId: string, @Body() body: CreateRegistrationDto) {
    return this.registrations.register(eveningId, body);
  }

  @Get()
  @Roles('facilitator')
  @ApiRoute({ summary: "The evening's registrations: names and e-mail addresses (admin, facilitator)." })
  @ApiOkResponse({ type: [RegistrationDto] })
  list(@Param('id') eveningId: string) {
    return this.registrations.list(eveningId);
  }

  @Delete()
  @Roles('admin')
  @ApiRoute({ summary: "Delete an evening's registrations now (admin; audited)." })
  @ApiOkResponse({ type: RegistrationsDeletedDto })
  deleteAll(@Param('id') eveningId: string, @CurrentStaff() actor: StaffPrincipal) {
    return this.registrations.deleteAll(actor.userId, eveningId);
  }
}
