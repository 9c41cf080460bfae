import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@hs/domain';
import { Roles } from '@hs/http';
import { AuditEntryDto, AuditQueryDto } from './audit.dto';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Recent staff actions, newest first (admin); page back with ?before=<last id>' })
  @ApiOkResponse({ type: [AuditEntryDto] })
  list(@Query() query: AuditQueryDto) {
    return this.audit.list(query.limit ?? 50, query.before);
  }
}
