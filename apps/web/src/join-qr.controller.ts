import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { JoinLinkService } from '@hs/domain';
import { Roles } from '../../events/src/http/auth.decorators';

@ApiTags('evenings')
@ApiBearerAuth()
@Controller('api/evenings')
export class JoinQrController {
  constructor(private readonly links: JoinLinkService) {}

  @Get(':id/join-qr.svg')
  @Roles('facilitator')
  @Header('Content-Type', 'image/svg+xml; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('image/svg+xml')
  @ApiOperation({
    summary: 'QR code of the join link (PUBLIC_URL/join/CODE) for the projector screen (admin, facilitator)',
    description: 'Addition to CONTRACT.md. 404 for an unknown evening.',
  })
  @ApiOkResponse({ description: 'An SVG image.' })
  joinQr(@Param('id') id: string): Promise<string> {
    return this.links.joinQrSvg(id);
  }
}
