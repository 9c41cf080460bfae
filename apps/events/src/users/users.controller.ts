import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type StaffPrincipal, StaffService } from '@hs/domain';
import { CreateUserDto, StaffUserDto } from '../auth/auth.dto';
import { CurrentStaff, Roles } from '@hs/http';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/users')
export class UsersController {
  constructor(private readonly staff: StaffService) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: StaffUserDto })
  create(@Body() body: CreateUserDto, @CurrentStaff() actor: StaffPrincipal) {
    return this.staff.create(actor.userId, body);
  }

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: [StaffUserDto] })
  list() {
    return this.staff.list();
  }
}
