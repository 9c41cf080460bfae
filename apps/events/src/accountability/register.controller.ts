import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RegisterService, type StaffPrincipal, type StaffScope } from '@hs/domain';
import { ApiRoute, CurrentScope, CurrentStaff, Roles, Scoped } from '@hs/http';
import {
  CreateAgreementDto,
  CreateWoonvisieThemeDto,
  EvaluationDto,
  MoveAgreementDto,
  RegisterQueryDto,
  UpdateAgreementDto,
} from './register.dto';

@ApiTags('register')
@Controller('api')
export class RegisterController {
  constructor(private readonly register: RegisterService) {}

  @Get('register/themes')
  @Scoped()
  @ApiRoute({ summary: 'Woonvisie themes per municipality and year.', errors: [[400, 'A bad filter.']] })
  @ApiOkResponse({ description: '[{id, municipality, year, name, description}]' })
  themes(@Query() query: RegisterQueryDto, @CurrentScope() scope: StaffScope) {
    return this.register.listThemes(scope, query);
  }

  @Post('register/themes')
  @Roles('analyst')
  @ApiRoute({ summary: 'Add a theme of a municipality’s woonvisie for a year (analyst, admin).' })
  @ApiCreatedResponse({ description: '{id, municipality, year, name, description}' })
  createTheme(@Body() body: CreateWoonvisieThemeDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.register.createTheme(actor.userId, body);
  }

  @Get('agreements')
  @Scoped()
  @ApiRoute({
    summary: 'The register: bid items and agreements, by municipality and year, with their status and advice counts.',
    errors: [[400, 'A bad filter.']],
  })
  @ApiOkResponse({ description: 'The items.' })
  list(@Query() query: RegisterQueryDto, @CurrentScope() scope: StaffScope) {
    return this.register.listAgreements(scope, query);
  }

  @Get('agreements/:id')
  @Scoped('agreement')
  @ApiRoute({
    summary: 'One item with its timeline (status moves, evaluations) and the advice on it.',
    errors: [[404, 'Unknown id (also for an id that is not a UUID).']],
  })
  @ApiOkResponse({ description: 'The item with its timeline and advice.' })
  get(@Param('id') id: string, @CurrentScope() scope: StaffScope) {
    return this.register.getAgreement(scope, id);
  }

  @Post('agreements')
  @Roles('analyst')
  @ApiRoute({
    summary: 'Add a bid item (status bod) or an agreement (status afgesproken) (analyst, admin).',
    errors: [[400, 'Invalid fields, or a theme of another municipality or year.']],
  })
  @ApiCreatedResponse({ description: 'The item.' })
  create(@Body() body: CreateAgreementDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.register.createAgreement(actor.userId, body);
  }

  @Patch('agreements/:id')
  @Roles('analyst')
  @ApiRoute({
    summary: 'Change the text, party or theme (analyst, admin); the status moves through …/status.',
    errors: [[404, 'Unknown id.']],
  })
  @ApiOkResponse({ description: 'The item.' })
  update(@Param('id') id: string, @Body() body: UpdateAgreementDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.register.updateAgreement(actor.userId, id, body);
  }

  @Post('agreements/:id/status')
  @HttpCode(200)
  @Roles('analyst')
  @ApiRoute({
    summary: 'Move the status (analyst, admin), with its date and an optional note.',
    errors: [
      [404, 'Unknown id.'],
      [409, 'A move the status rule does not allow (INVALID_TRANSITION).'],
    ],
  })
  @ApiOkResponse({ description: 'The item.' })
  move(@Param('id') id: string, @Body() body: MoveAgreementDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.register.move(actor.userId, id, body);
  }

  @Post('agreements/:id/evaluations')
  @Roles('analyst')
  @ApiRoute({
    summary: 'Add a mid-year evaluation note (tussentijdse evaluatie) (analyst, admin).',
    errors: [[404, 'Unknown id.']],
  })
  @ApiCreatedResponse({ description: 'The item with its timeline.' })
  evaluate(@Param('id') id: string, @Body() body: EvaluationDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.register.evaluate(actor.userId, id, body);
  }
}
