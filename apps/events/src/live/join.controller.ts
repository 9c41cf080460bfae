import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { JoinService } from '@hs/domain';
import { Public } from '../http/auth.decorators';
import { RateLimit } from '../http/rate-limit.decorator';
import { JoinDto, JoinResponseDto } from './live.dto';

@ApiTags('joining')
@Controller('api/join')
export class JoinController {
  constructor(private readonly joins: JoinService) {}

  /** 404 unknown code, 409 evening not live, cards mode: 403 without a valid card, 409 card used; 429 rate limited. */
  @Public()
  @RateLimit('join', (config) => config.joinRateLimitPerIp)
  @Post()
  @ApiCreatedResponse({ type: JoinResponseDto })
  join(@Body() body: JoinDto) {
    return this.joins.join(body);
  }
}
