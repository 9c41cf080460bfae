import { Body, Controller, Get, Param, Post } from '@nestjs/common';
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
import { RoundService, type StaffPrincipal, type StaffScope } from '@hs/domain';
import { CurrentScope, CurrentStaff, Roles, Scoped } from '@hs/http';
import { CreateRoundDto, RoundDto } from './round.dto';

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('api/rounds')
export class RoundsController {
  constructor(private readonly rounds: RoundService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a consultation round (admin): a name, a year and optionally its period.' })
  @ApiCreatedResponse({ type: RoundDto })
  @ApiBadRequestResponse({ description: 'Invalid fields, or endsOn before startsOn.' })
  @ApiConflictResponse({ description: 'ROUND_EXISTS: the year has a round of that name.' })
  create(@Body() body: CreateRoundDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.rounds.create(actor.userId, body);
  }

  @Get()
  @Scoped()
  @ApiOperation({ summary: 'Every consultation round, newest first (any staff role).' })
  @ApiOkResponse({ type: [RoundDto] })
  list(@CurrentScope() scope: StaffScope) {
    return this.rounds.list(scope);
  }

  @Get(':id')
  @Scoped()
  @ApiOkResponse({ type: RoundDto })
  @ApiNotFoundResponse({ description: 'Unknown round.' })
  get(@Param('id') id: string, @CurrentScope() scope: StaffScope) {
    return this.rounds.get(id, scope);
  }
}
