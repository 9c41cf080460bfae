import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AdviceService, type StaffPrincipal, type StaffScope } from '@hs/domain';
import { CurrentScope, CurrentStaff, Roles, Scoped } from '@hs/http';
import { AdviceTextDto } from './register.dto';

@ApiTags('register')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No or bad staff token.' })
@Controller('api')
export class AdviceController {
  constructor(private readonly advice: AdviceService) {}

  @Post('agreements/:id/advice')
  @Roles()
  @Scoped('agreement')
  @ApiOperation({
    summary: 'Formal advice (adviesrecht) on a bid item or agreement, by its municipality’s tenant organisation (or an admin).',
  })
  @ApiCreatedResponse({ description: '{id, agreementId, text, givenOn, response: null, respondedOn: null}' })
  @ApiForbiddenResponse({ description: 'Not a tenant organisation (or admin), or another municipality.' })
  @ApiNotFoundResponse({ description: 'Unknown agreement.' })
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
  @ApiOperation({ summary: 'The corporation’s written response to advice, once (analyst, admin).' })
  @ApiOkResponse({ description: 'The advice with its response.' })
  @ApiConflictResponse({ description: 'Answered already (ADVICE_ANSWERED).' })
  @ApiNotFoundResponse({ description: 'Unknown advice.' })
  respond(@Param('id') id: string, @Body() body: AdviceTextDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.advice.respond(actor.userId, id, body);
  }

  @Get('advice/:id')
  @Scoped('advice')
  @ApiOperation({ summary: 'One piece of advice with its response.' })
  @ApiNotFoundResponse({ description: 'Unknown advice.' })
  get(@Param('id') id: string, @CurrentScope() scope: StaffScope) {
    return this.advice.get(scope, id);
  }
}
