import { Body, Controller, Get, Ip, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { JoinService } from '@hs/domain';
import { ApiRoute, FailureLimited, Public } from '@hs/http';
import { JoinCheckDto, JoinDto, JoinResponseDto } from './live.dto';

@ApiTags('joining')
@Controller('api/join')
export class JoinController {
  constructor(private readonly joins: JoinService) {}

  @Public()
  @FailureLimited()
  @Get(':code')
  @ApiRoute({
    summary: 'Check a join code before the group and age questions: live, not started or ended (no token is made).',
    description: 'Title and start only for published and live evenings, as the public list shows them.',
    errors: [
      [404, 'Unknown join code (JOIN_CODE_UNKNOWN); counts as a failed join.'],
      [429, 'Too many failed joins from this address; the Retry-After header says when to retry.'],
    ],
  })
  @ApiOkResponse({ type: JoinCheckDto })
  check(@Param('code') code: string, @Ip() address: string) {
    return this.joins.check(code, address);
  }

  @Public()
  @FailureLimited()
  @Post()
  @ApiRoute({
    summary: 'Join a live evening with its code (and card): the answer holds the participant token for the socket.',
    description: 'A valid code or card is never refused; only failures count towards the 429.',
    errors: [
      [400, 'Invalid fields; MUNICIPALITY_REQUIRED (with `choices`) or MUNICIPALITY_NOT_SERVED.'],
      [403, 'A `cards` evening without a valid card (CARD_REQUIRED).'],
      [404, 'Unknown join code (JOIN_CODE_UNKNOWN).'],
      [409, 'The evening is not live (EVENING_NOT_LIVE), or the card was used (CARD_USED).'],
      [429, 'Too many failed joins from this address, or (cards) for this code; the Retry-After header says when to retry.'],
    ],
  })
  @ApiCreatedResponse({ type: JoinResponseDto })
  join(@Body() body: JoinDto, @Ip() address: string) {
    return this.joins.join(body, address);
  }
}
