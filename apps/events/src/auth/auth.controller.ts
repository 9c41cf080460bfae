import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type StaffPrincipal, StaffService } from '@hs/domain';
import { CurrentStaff, FailureLimited, Public, Scoped } from '@hs/http';
import { LoginDto, LoginResponseDto, StaffUserDto } from './auth.dto';

@ApiTags('staff')
@Controller('api')
export class AuthController {
  constructor(private readonly staff: StaffService) {}

  @Public()
  @FailureLimited()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  login(@Body() body: LoginDto, @Ip() ip: string) {
    return this.staff.login(body.email, body.password, ip);
  }

  @Get('me')
  @Scoped()
  @ApiBearerAuth()
  @ApiOkResponse({ type: StaffUserDto })
  me(@CurrentStaff() principal: StaffPrincipal) {
    return this.staff.me(principal.userId);
  }
}
