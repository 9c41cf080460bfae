import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ThemeService } from '@hs/domain';
import { ApiRoute, Public } from '@hs/http';
import { ThemeDto } from './themes.dto';

@ApiTags('themes')
@Controller('api/themes')
export class ThemesController {
  constructor(private readonly themes: ThemeService) {}

  @Public()
  @Get()
  @ApiRoute({ summary: 'The themes of the round in presentation order, named in Dutch, Frisian and English.' })
  @ApiOkResponse({ type: [ThemeDto] })
  list() {
    return this.themes.list();
  }
}
