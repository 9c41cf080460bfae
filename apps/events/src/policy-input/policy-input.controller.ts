import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AggregationService, type StaffPrincipal, WeightsService } from '@hs/domain';
import { CurrentStaff, Roles } from '../http/auth.decorators';
import { PolicyInputQueryDto, WeightsDto } from './policy-input.dto';

@ApiTags('policy input')
@ApiBearerAuth()
@Roles('analyst')
@Controller('api')
export class PolicyInputController {
  constructor(
    private readonly aggregation: AggregationService,
    private readonly weights: WeightsService,
  ) {}

  @Get('policy-input')
  @ApiOperation({
    summary: 'Policy input per theme and dilemma across the evenings in scope (analyst, admin)',
    description:
      'Pooled final-round choice with intervals, group / municipality / age comparison (suppressed), the shift between rounds, ' +
      'consensus (0 split … 1 unanimous), consequences, the comparison between evenings and, with weights, the post-stratified estimate.',
  })
  policyInput(@Query() query: PolicyInputQueryDto) {
    return this.aggregation.scopedPolicyInput(query.theme, query.municipality);
  }

  @Get('weights')
  @ApiOperation({ summary: 'Tenant households per municipality (post-stratification weights)' })
  getWeights() {
    return this.weights.get();
  }

  @Put('weights')
  @ApiOperation({ summary: 'Replace the tenant households per municipality' })
  putWeights(@Body() body: WeightsDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.weights.replace(actor.userId, body.households);
  }
}
