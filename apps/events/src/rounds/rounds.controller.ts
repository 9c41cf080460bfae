import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RoundService, type StaffPrincipal, type StaffScope } from '@hs/domain';
import { ApiRoute, CurrentScope, CurrentStaff, Roles, Scoped } from '@hs/http';
import { CreateRoundDto, RoundDto } from './round.dto';

@ApiTags('rounds')
@Controller('api/rounds')
export class RoundsController {
  constructor(private readonly rounds: RoundService) {}

  @Post()
  @Roles('admin')
  @ApiRoute({
    summary: 'Create a consultation round (admin): a name, a year and optionally its period.',
    errors: [
      [400, 'Invalid fields, or endsOn before startsOn.'],
      [409, 'ROUND_EXISTS: the year has a round of that name.'],
    ],
  })
  @ApiCreatedResponse({ type: RoundDto })
  create(@Body() body: CreateRoundDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.rounds.create(actor.userId, body);
  }

  @Get()
  @Scoped()
  @ApiRoute({ summary: 'Every consultation round, newest first (any staff role).' })
  @ApiOkResponse({ type: [RoundDto] })
  list(@CurrentScope() scope: StaffScope) {
    return this.rounds.list(scope);
  }

  @Get(':id')
  @Scoped()
  @ApiRoute({ summary: 'One consultation round.', errors: [[404, 'Unknown round.']] })
  @ApiOkResponse({ type: RoundDto })
  get(@Param('id') id: string, @CurrentScope() scope: StaffScope) {
    return this.rounds.get(id, scope);
  }
}
