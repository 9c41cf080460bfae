import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@hs/domain';
import { ApiRoute, Roles } from '@hs/http';
import { AuditEntryDto, AuditQueryDto } from './audit.dto';

@ApiTags('staff')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @ApiRoute({
    summary: 'Recent staff actions, newest first (admin); page back with ?before=<last id>.',
    errors: [[400, 'A bad limit or before.']],
  })
  @ApiOkResponse({ type: [AuditEntryDto] })
  list(@Query() query: AuditQueryDto) {
    return this.audit.list(query.limit ?? 50, query.before);
  }
}
