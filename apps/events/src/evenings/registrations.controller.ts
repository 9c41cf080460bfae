import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RegistrationService, type StaffPrincipal } from '@hs/domain';
import { CurrentStaff, Public, RateLimit, Roles } from '@hs/http';
import { CreateRegistrationDto, RegistrationCreatedDto, RegistrationDto, RegistrationsDeletedDto } from './registration.dto';

@ApiTags('registrations')
@Controller('api/evenings/:id/registrations')
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationService) {}

  @Public()
  @RateLimit('registrations', (config) => config.registrationsPerIp, 3600)
  @Post()
  @ApiOperation({
    summary: 'Sign up for a published evening (open for registration). Live, draft or ended evenings answer 409.',
    description:
      'Never linked to votes or participants. Deleted automatically REGISTRATION_RETENTION_DAYS (default 30) after the evening ended.',
  })
  @ApiCreatedResponse({ type: RegistrationCreatedDto })
  @ApiBadRequestResponse({ description: 'Invalid fields, or consent not true.' })
  @ApiConflictResponse({
    description:
      'EVENING_FULL, EVENING_NOT_OPEN_FOR_REGISTRATION, or REGISTRATION_EXISTS (this e-mail address is registered already).',
  })
  @ApiNotFoundResponse({ description: 'Unknown evening.' })
  register(@Param('id') eveningId: string, @Body() body: CreateRegistrationDto) {
    return this.registrations.register(eveningId, body);
  }

  @Get()
  @Roles('facilitator')
  @ApiBearerAuth()
  @ApiOkResponse({ type: [RegistrationDto] })
  list(@Param('id') eveningId: string) {
    return this.registrations.list(eveningId);
  }

  @Delete()
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: "Delete an evening's registrations now (admin; audited)." })
  @ApiOkResponse({ type: RegistrationsDeletedDto })
  deleteAll(@Param('id') eveningId: string, @CurrentStaff() actor: StaffPrincipal) {
    return this.registrations.deleteAll(actor.userId, eveningId);
  }
}
