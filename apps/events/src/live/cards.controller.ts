import { Body, Controller, Get, Header, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CardService, type StaffPrincipal } from '@hs/domain';
import { CurrentStaff, Public, Roles } from '@hs/http';
import { renderCardSheet } from './card-sheet.page';
import { CardsResponseDto, CreateCardsDto } from './live.dto';

@ApiTags('joining')
@Controller('api/evenings')
export class CardsController {
  constructor(private readonly cards: CardService) {}

  /** Single-use check-in cards for a `cards` evening; 404 unknown evening, 409 ended. */
  @Post(':id/cards')
  @Roles('facilitator')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: CardsResponseDto })
  create(@Param('id') id: string, @Body() body: CreateCardsDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.cards.generate(actor.userId, id, body.count);
  }

  /** The printable A4 page of one batch of cards. Opened by a browser, so the signed token is in the URL. */
  @Public()
  @Get(':id/cards/print')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiProduces('text/html')
  @ApiQuery({ name: 'token', description: 'The token from printUrl (valid 2 hours).' })
  @ApiOkResponse({ description: 'HTML page with QR codes.' })
  async print(@Param('id') id: string, @Query('token') token: unknown) {
    return renderCardSheet(await this.cards.sheet(id, token));
  }
}
