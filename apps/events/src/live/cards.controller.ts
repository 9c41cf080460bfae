import { Body, Controller, Get, Header, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CardService, type StaffPrincipal } from '@hs/domain';
import { ApiRoute, CurrentStaff, Public, Roles } from '@hs/http';
import { renderCardSheet } from './card-sheet.page';
import { CardsResponseDto, CreateCardsDto } from './live.dto';

@ApiTags('joining')
@Controller('api/evenings')
export class CardsController {
  constructor(private readonly cards: CardService) {}

  @Post(':id/cards')
  @Roles('facilitator')
  @ApiRoute({
    summary: 'Make a batch of single-use check-in cards for a `cards` evening.',
    errors: [
      [404, 'Unknown evening.'],
      [409, 'The evening has ended (EVENING_ENDED).'],
    ],
  })
  @ApiCreatedResponse({ type: CardsResponseDto })
  create(@Param('id') id: string, @Body() body: CreateCardsDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.cards.generate(actor.userId, id, body.count);
  }

  /** Opened by a browser, so the signed token is in the URL. */
  @Public()
  @Get(':id/cards/print')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiRoute({
    summary: 'The printable A4 page of one batch of cards (HTML with QR codes).',
    description: 'Needs no staff token: the `token` from printUrl, valid 2 hours, says which batch.',
    errors: [
      [401, 'No token, or a bad or expired one (UNAUTHORIZED).'],
      [404, 'Unknown evening.'],
    ],
  })
  @ApiProduces('text/html')
  @ApiQuery({ name: 'token', description: 'The token from printUrl (valid 2 hours).' })
  @ApiOkResponse({ description: 'HTML page with QR codes.' })
  async print(@Param('id') id: string, @Query('token') token: unknown) {
    return renderCardSheet(await this.cards.sheet(id, token));
  }
}
