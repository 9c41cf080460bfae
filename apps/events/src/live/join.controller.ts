import { Body, Controller, Ip, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { JoinService } from '@hs/domain';
import { ApiRoute, FailureLimited, Public } from '@hs/http';
import { JoinDto, JoinResponseDto } from './live.dto';

@ApiTags('joining')
@Controller('api/join')
export class JoinController {
  constructor(private readonly joins: JoinService) {}

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
