import { Body, Controller, Get, Ip, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JoinService } from '@hs/domain';
import { Public } from '../http/auth.decorators';
import { FailureLimited } from '../http/rate-limit.decorator';
import { JoinCheckDto, JoinDto, JoinResponseDto } from './live.dto';

@ApiTags('joining')
@Controller('api/join')
export class JoinController {
  constructor(private readonly joins: JoinService) {}

  @Public()
  @FailureLimited()
  @Get(':code')
  @ApiOperation({
    summary: 'Checks a join code before the group and age questions: live, not started or ended (no token is made).',
    description: 'An unknown code is 404 and counts as a failed join (429 when there are too many from one address).',
  })
  @ApiOkResponse({ type: JoinCheckDto })
  @ApiNotFoundResponse({ description: 'JOIN_CODE_UNKNOWN.' })
  check(@Param('code') code: string, @Ip() address: string) {
    return this.joins.check(code, address);
  }

  /**
   * 404 unknown code, 409 evening not live, cards mode: 403 without a valid card, 409 card used;
   * 429 when this address (or, for cards, this code) failed too often. A valid code or card is never refused.
   */
  @Public()
  @FailureLimited()
  @Post()
  @ApiCreatedResponse({ type: JoinResponseDto })
  join(@Body() body: JoinDto, @Ip() address: string) {
    return this.joins.join(body, address);
  }
}
