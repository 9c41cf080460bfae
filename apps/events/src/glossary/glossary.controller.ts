import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GLOSSARY, LANGUAGES } from '@hs/contracts';
import { ApiRoute, Public } from '@hs/http';

/**
 * The glossary the exports are written in, for the web pages (no build step: they fetch it once), so the
 * dashboard names groups, age bands and measures with the same words as the CSV, the XLSX and the PDF.
 */
@ApiTags('glossary')
@Controller('api/glossary')
export class GlossaryController {
  @Public()
  @Get()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiRoute({ summary: 'The words of the dashboard and the reports, per term in Dutch, Frisian and English.' })
  @ApiOkResponse({
    description:
      '{languages: ["nl","fy","en"], terms: {key: {nl, fy, en}}}; keys such as group.tenant_org, age.65-79, kind.budget, ' +
      'measure.interval, explain.suppression ({n} = SUPPRESS_BELOW).',
  })
  get() {
    return { languages: LANGUAGES, terms: GLOSSARY };
  }
}
