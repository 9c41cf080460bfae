import { Body, Controller, Ip, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { JoinService } from '@hs/domain';
import { FailureLimited, Public } from '@hs/http';
import { JoinDto, JoinResponseDto } from './live.dto';

@ApiTags('joining')
@Controller('api/join')
export class JoinController {
  constructor(private readonly joins: JoinService) {}

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
