import { Body, Controller, Ip, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { JoinService } from '@hs/domain';
import { Public } from '../http/auth.decorators';
import { JoinDto, JoinResponseDto } from './live.dto';
import { RateLimit } from '../http/rate-limit.decorator';

@ApiTags('joining')
@Controller('api/join')
export class JoinController {
  constructor(private readonly joins: JoinService) {}

  /** 404 unknown code, 409 evening not live, cards mode: 403 without a valid card, 409 card used; 429 rate limited. */
  @Public()
  @RateLimit('join')
  @Post()
  @ApiCreatedResponse({ type: JoinResponseDto })
  join(@Body() body: JoinDto, @Ip() ip: string) {
    return this.joins.join(body, ip);
  }
}
