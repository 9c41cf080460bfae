import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdviceService, type StaffPrincipal, type StaffScope } from '@hs/domain';
import { ApiRoute, CurrentScope, CurrentStaff, Roles, Scoped } from '@hs/http';
import { AdviceTextDto } from './register.dto';

@ApiTags('register')
@Controller('api')
export class AdviceController {
  constructor(private readonly advice: AdviceService) {}

  @Post('agreements/:id/advice')
  @Roles()
  @Scoped('agreement')
  @ApiRoute({
    summary: 'Formal advice (adviesrecht) on a bid item or agreement, by its municipality’s tenant organisation (or an admin).',
    errors: [
      [403, 'Not a tenant organisation (or admin), or another municipality.'],
      [404, 'Unknown agreement.'],
    ],
  })
  @ApiCreatedResponse({ description: '{id, agreementId, text, givenOn, response: null, respondedOn: null}' })
  give(
    @Param('id') id: string,
    @Body() body: AdviceTextDto,
    @CurrentStaff() actor: StaffPrincipal,
    @CurrentScope() scope: StaffScope,
  ) {
    return this.advice.give(actor, scope, id, body);
  }

  @Post('advice/:id/response')
  @HttpCode(200)
  @Roles('analyst')
  @ApiRoute({
    summary: 'The corporation’s written response to advice, once (analyst, admin).',
    errors: [
      [404, 'Unknown advice.'],
      [409, 'Answered already (ADVICE_ANSWERED).'],
    ],
  })
  @ApiOkResponse({ description: 'The advice with its response.' })
  respond(@Param('id') id: string, @Body() body: AdviceTextDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.advice.respond(actor.userId, id, body);
  }

  @Get('advice/:id')
  @Scoped('advice')
  @ApiRoute({ summary: 'One piece of advice with its response.', errors: [[404, 'Unknown advice.']] })
  @ApiOkResponse({ description: '{id, agreementId, text, givenOn, response, respondedOn}' })
  get(@Param('id') id: string, @CurrentScope() scope: StaffScope) {
    return this.advice.get(scope, id);
  }
}
