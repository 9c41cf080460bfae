import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { JoinLinkService, type OriginCheck } from '@hs/domain';
import { ApiRoute, Public } from '@hs/http';

export class OriginCheckQueryDto {
  @ApiProperty({ example: 'http://192.168.1.20:3000', description: "The page's own origin (location.origin)." })
  @IsString()
  @MaxLength(300)
  origin: string;
}

export class OriginCheckDto {
  @ApiProperty({ description: 'Whether a socket handshake from this origin is admitted.' }) allowed: boolean;
  @ApiProperty({ description: 'PUBLIC_URL: the address phones should open instead.' }) publicUrl: string;
}

@ApiTags('joining')
@Controller('api/live/origin-check')
export class OriginCheckController {
  constructor(private readonly links: JoinLinkService) {}

  @Public()
  @Get()
  @ApiRoute({
    summary: 'Say whether the socket admits a page opened on this origin, and give PUBLIC_URL to open instead.',
    description: 'For a tenant page whose socket keeps failing: says nothing the QR code does not already show.',
  })
  @ApiOkResponse({ type: OriginCheckDto })
  check(@Query() query: OriginCheckQueryDto): OriginCheck {
    return this.links.originCheck(query.origin);
  }
}
