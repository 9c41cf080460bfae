import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type StaffPrincipal, StaffService } from '@hs/domain';
import { CreateUserDto, StaffUserDto } from '../auth/auth.dto';
import { ApiRoute, CurrentStaff, Roles } from '@hs/http';

@ApiTags('staff')
@Controller('api/users')
export class UsersController {
  constructor(private readonly staff: StaffService) {}

  @Post()
  @Roles('admin')
  @ApiRoute({
    summary: 'Create a staff account (admin).',
    errors: [[409, 'EMAIL_TAKEN: an account with this e-mail address exists.']],
  })
  @ApiCreatedResponse({ type: StaffUserDto })
  create(@Body() body: CreateUserDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.staff.create(actor.userId, body);
  }

  @Get()
  @Roles('admin')
  @ApiRoute({ summary: 'All staff accounts (admin).' })
  @ApiOkResponse({ type: [StaffUserDto] })
  list() {
    return this.staff.list();
  }
}
