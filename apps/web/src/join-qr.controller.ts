import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type JoinLink, JoinLinkService } from '@hs/domain';
import { ApiRoute, Roles } from '@hs/http';

@ApiTags('evenings')
@Controller('api/evenings')
export class JoinQrController {
  constructor(private readonly links: JoinLinkService) {}

  @Get(':id/join-link')
  @Roles('facilitator')
  @ApiRoute({
    summary: 'The join code and link (PUBLIC_URL/join/CODE) of an evening, as the QR code holds it (admin, facilitator).',
    description: 'For the projector screen and the console: the link a phone opens to join (see docs/API.md, Evenings).',
    errors: [[404, 'Unknown evening.']],
  })
  @ApiOkResponse({ description: '{joinCode, url}' })
  joinLink(@Param('id') id: string): Promise<JoinLink> {
    return this.links.joinLink(id);
  }

  @Get(':id/join-qr.svg')
  @Roles('facilitator')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('image/svg+xml')
  @ApiRoute({
    summary: 'QR code of the join link (PUBLIC_URL/join/CODE) for the projector screen (admin, facilitator).',
    description: 'The same link as GET /api/evenings/{id}/join-link, drawn as a QR code (see docs/API.md, Evenings).',
    errors: [[404, 'Unknown evening.']],
  })
  @ApiOkResponse({ description: 'An SVG image.' })
  async joinQr(@Param('id') id: string): Promise<StreamableFile> {
    // The type goes with the file (not a route header), so a 404 still answers as JSON.
    return new StreamableFile(Buffer.from(await this.links.joinQrSvg(id)), { type: 'image/svg+xml; charset=utf-8' });
  }
}
