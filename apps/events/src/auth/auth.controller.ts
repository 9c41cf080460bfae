import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type StaffPrincipal, StaffService } from '@hs/domain';
import { ApiRoute, CurrentStaff, FailureLimited, Public, Scoped } from '@hs/http';
import { LoginDto, LoginResponseDto, StaffUserDto } from './auth.dto';

@ApiTags('staff')
@Controller('api')
export class AuthController {
  constructor(private readonly staff: StaffService) {}

  @Public()
  @FailureLimited()
  @Post('auth/login')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Sign in as staff: the answer holds the bearer token for every staff route.',
    errors: [[401, 'Wrong e-mail address or password (INVALID_CREDENTIALS); accounts are never locked.']],
  })
  @ApiOkResponse({ type: LoginResponseDto })
  login(@Body() body: LoginDto, @Ip() ip: string) {
    return this.staff.login(body.email, body.password, ip);
  }

  @Get('me')
  @Scoped()
  @ApiRoute({ summary: 'The signed-in staff member: name, role and municipalities.' })
  @ApiOkResponse({ type: StaffUserDto })
  me(@CurrentStaff() principal: StaffPrincipal) {
    return this.staff.me(principal.userId);
  }
}
