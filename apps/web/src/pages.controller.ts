import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { join } from 'node:path';
import { Public } from '@hs/http';
import { PAGES, type PageName, PUBLIC_DIR } from './web-paths';

/**
 * The HTML of each page. The pages themselves hold no data: their scripts read the route
 * (code, evening id) from the address and talk to /api and /live, so every page is public;
 * the staff pages ask for a sign-in before they fetch anything.
 */
@ApiExcludeController()
@Public()
@Controller()
export class PagesController {
  @Get()
  tenantHome(@Res() res: Response): void {
    send(res, 'tenant');
  }

  @Get('join/:code')
  tenantJoin(@Res() res: Response): void {
    send(res, 'tenant');
  }

  @Get('login')
  login(@Res() res: Response): void {
    send(res, 'login');
  }

  @Get('facilitate')
  evenings(@Res() res: Response): void {
    send(res, 'evenings');
  }

  @Get('facilitate/:eveningId')
  facilitate(@Res() res: Response): void {
    send(res, 'facilitate');
  }

  @Get('screen/:eveningId')
  @Header('Referrer-Policy', 'no-referrer')
  screen(@Res() res: Response): void {
    send(res, 'screen');
  }

  @Get('policy')
  policy(@Res() res: Response): void {
    send(res, 'policy');
  }

  /** The agreements register and the findings (staff; the page asks for a sign-in). */
  @Get('register')
  register(@Res() res: Response): void {
    send(res, 'register');
  }

  /** "U zei, wij deden": published findings per municipality, for anyone (?gemeente=…&ronde=…). */
  @Get('terugkoppeling')
  feedback(@Res() res: Response): void {
    send(res, 'feedback');
  }
}

function send(res: Response, page: PageName): void {
  // Pages change with a deploy; their assets are revalidated by ETag, so no stale page points at a missing script.
  res.setHeader('Cache-Control', 'no-cache');
  res.type('html').sendFile(join(PUBLIC_DIR, PAGES[page]));
}
