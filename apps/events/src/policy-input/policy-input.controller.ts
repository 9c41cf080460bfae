import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AggregationService, type StaffPrincipal, type StaffScope, WeightsService } from '@hs/domain';
import { ApiRoute, CurrentScope, CurrentStaff, Roles, Scoped } from '@hs/http';
import { PolicyInputQueryDto, scopeOfQuery, WeightsDto } from './policy-input.dto';

@ApiTags('policy input')
@Roles('analyst')
@Controller('api')
export class PolicyInputController {
  constructor(
    private readonly aggregation: AggregationService,
    private readonly weights: WeightsService,
  ) {}

  @Get('policy-input')
  @Scoped()
  @ApiOkResponse({ description: 'PolicyInput (libs/contracts/src/results.ts): per theme its dilemmas, each with its cells.' })
  @ApiRoute({
    summary: 'Policy input per theme and dilemma across the evenings in scope (analyst, admin).',
    errors: [[400, 'A bad query, or a scope that is not valid: an unknown evening, theme or group (INVALID_SCOPE).']],
    description:
      'Pooled final-round choice with intervals, group / municipality / age comparison, the paired shift between rounds, ' +
      'consensus (0 split … 1 unanimous), consequences, the comparison between evenings, differences that hold up (Holm) and, ' +
      'with weights, raw and weighted shares with Kish n_eff. Every cell carries `suppressed`; a suppressed cell carries no figures. ' +
      'Scope: eveningIds, themes, municipalities, groups (comma-separated); theme and municipality (version 1) still work. ' +
      'A tenant_org or municipality account reads its own municipalities only (another one: 403).',
  })
  policyInput(@Query() query: PolicyInputQueryDto, @CurrentScope() scope: StaffScope) {
    return this.aggregation.scopedPolicyInput(scopeOfQuery(query), scope);
  }

  @Get('weights')
  @ApiRoute({ summary: 'Tenant households per municipality and per age band (the weights), with the last change.' })
  @ApiOkResponse({ description: '{municipalities: {name: households}, ageBands: {band: households}, updatedAt, updatedBy}' })
  getWeights() {
    return this.weights.get();
  }

  @Put('weights')
  @ApiRoute({ summary: 'Replace the tenant households per municipality (and per age band, when given); audited.' })
  @ApiOkResponse({ description: 'The weights as stored.' })
  putWeights(@Body() body: WeightsDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.weights.replace(actor.userId, body);
  }
}
