import 'reflect-metadata';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import { ApiRoute } from './api-route.decorator';
import { Public } from './auth.decorators';

const operation = (handler: unknown) =>
  Reflect.getMetadata(DECORATORS.API_OPERATION, handler as object) as Record<string, unknown>;
const statuses = (handler: unknown) =>
  Object.keys(Reflect.getMetadata(DECORATORS.API_RESPONSE, handler as object) ?? {})
    .map(Number)
    .sort();

class Body_ {
  title: string;
}

@Controller('x')
class Staff {
  @Post()
  @ApiRoute({ summary: 'Make one.', errors: [404, [409, 'Not draft.']] })
  make(@Body() _body: Body_) {}

  @Get()
  @ApiRoute({ summary: 'List.' })
  list() {}

  @Public()
  @Get('public-above')
  @ApiRoute({ summary: 'Public, decorator above.', errors: [404] })
  above() {}

  @Get('public-below')
  @ApiRoute({ summary: 'Public, decorator below.', errors: [404] })
  @Public()
  below() {}

  @Public()
  @Get('own-token')
  @ApiRoute({ summary: 'Checks its own token.', ownToken: true, errors: [401] })
  own() {}
}

@Public()
@Controller('y')
class AllPublic {
  @Get()
  @ApiRoute({ summary: 'Public by its class.' })
  get() {}
}

describe('ApiRoute', () => {
  it('gives a staff route its summary, the bearer token and 401/403 besides its own errors', () => {
    expect(operation(Staff.prototype.list)).toEqual({ summary: 'List.', security: [{ bearer: [] }] });
    expect(statuses(Staff.prototype.list)).toEqual([400, 401, 403]);
  });

  it('adds 400 and 413 to a route with a body, and keeps a description given for one error', () => {
    expect(statuses(Staff.prototype.make)).toEqual([400, 401, 403, 404, 409, 413]);
    const responses = Reflect.getMetadata(DECORATORS.API_RESPONSE, Staff.prototype.make);
    expect(responses[409].description).toBe('Not draft.');
    expect(responses[409].example).toMatchObject({ statusCode: 409, error: 'Conflict' });
  });

  it('documents a @Public() route with no security and no 401/403, whichever decorator stands above', () => {
    for (const handler of [Staff.prototype.above, Staff.prototype.below]) {
      expect(operation(handler).security).toEqual([]);
      expect(statuses(handler)).toEqual([400, 404]);
    }
  });

  it('documents every route of a @Public() class as public', () => {
    expect(operation(AllPublic.prototype.get)).toEqual({ summary: 'Public by its class.', security: [] });
    expect(statuses(AllPublic.prototype.get)).toEqual([400]);
  });

  it('keeps the bearer token of a @Public() route that checks a token of its own', () => {
    expect(operation(Staff.prototype.own).security).toEqual([{ bearer: [] }]);
    expect(statuses(Staff.prototype.own)).toEqual([400, 401]);
  });
});
