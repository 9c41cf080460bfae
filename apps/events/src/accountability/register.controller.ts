import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
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
import { RegisterService, type StaffPrincipal, type StaffScope } from '@hs/domain';
import { CurrentScope, CurrentStaff, Roles, Scoped } from '@hs/http';
import {
  CreateAgreementDto,
  CreateWoonvisieThemeDto,
  EvaluationDto,
  MoveAgreementDto,
  RegisterQueryDto,
  UpdateAgreementDto,
} from './register.dto';

@ApiTags('register')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No or bad staff token.' })
@Controller('api')
export class RegisterController {
  constructor(private readonly register: RegisterService) {}

  @Get('register/themes')
  @Scoped()
  @ApiOperation({ summary: 'Woonvisie themes per municipality and year.' })
  themes(@Query() query: RegisterQueryDto, @CurrentScope() scope: StaffScope) {
    return this.register.listThemes(scope, query);
  }

  @Post('register/themes')
  @Roles('analyst')
  @ApiOperation({ summary: 'Add a theme of a municipality’s woonvisie for a year (analyst, admin).' })
  @ApiCreatedResponse({ description: '{id, municipality, year, name, description}' })
  @ApiBadRequestResponse({ description: 'Invalid or unknown fields.' })
  @ApiForbiddenResponse({ description: 'Another role.' })
  createTheme(@Body() body: CreateWoonvisieThemeDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.register.createTheme(actor.userId, body);
  }

  @Get('agreements')
  @Scoped()
  @ApiOperation({
    summary: 'The register: bid items and agreements, by municipality and year, with their status and advice counts.',
  })
  list(@Query() query: RegisterQueryDto, @CurrentScope() scope: StaffScope) {
    return this.register.listAgreements(scope, query);
  }

  @Get('agreements/:id')
  @Scoped('agreement')
  @ApiOperation({ summary: 'One item with its timeline (status moves, evaluations) and the advice on it.' })
  @ApiNotFoundResponse({ description: 'Unknown id (also for an id that is not a UUID).' })
  get(@Param('id') id: string, @CurrentScope() scope: StaffScope) {
    return this.register.getAgreement(scope, id);
  }

  @Post('agreements')
  @Roles('analyst')
  @ApiOperation({ summary: 'Add a bid item (status bod) or an agreement (status afgesproken) (analyst, admin).' })
  @ApiCreatedResponse({ description: 'The item.' })
  @ApiBadRequestResponse({ description: 'Invalid fields, or a theme of another municipality or year.' })
  create(@Body() body: CreateAgreementDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.register.createAgreement(actor.userId, body);
  }

  @Patch('agreements/:id')
  @Roles('analyst')
  @ApiOperation({ summary: 'Change the text, party or theme (analyst, admin); the status moves through …/status.' })
  @ApiNotFoundResponse({ description: 'Unknown id.' })
  update(@Param('id') id: string, @Body() body: UpdateAgreementDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.register.updateAgreement(actor.userId, id, body);
  }

  @Post('agreements/:id/status')
  @HttpCode(200)
  @Roles('analyst')
  @ApiOperation({ summary: 'Move the status (analyst, admin), with its date and an optional note.' })
  @ApiOkResponse({ description: 'The item.' })
  @ApiConflictResponse({ description: 'A move the status rule does not allow (INVALID_TRANSITION).' })
  @ApiNotFoundResponse({ description: 'Unknown id.' })
  move(@Param('id') id: string, @Body() body: MoveAgreementDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.register.move(actor.userId, id, body);
  }

  @Post('agreements/:id/evaluations')
  @Roles('analyst')
  @ApiOperation({ summary: 'Add a mid-year evaluation note (tussentijdse evaluatie) (analyst, admin).' })
  @ApiCreatedResponse({ description: 'The item with its timeline.' })
  @ApiNotFoundResponse({ description: 'Unknown id.' })
  evaluate(@Param('id') id: string, @Body() body: EvaluationDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.register.evaluate(actor.userId, id, body);
  }
}
