import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class AuditQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50, description: 'How many entries, newest first' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'Only entries older than this id: the last id of the previous page' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,17}$/, { message: 'before moet een id uit het auditlog zijn' })
  before?: string;
}

export class AuditActorDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String, description: 'null when the account no longer exists' }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
}

export class AuditEntryDto {
  @ApiProperty({ example: '42' }) id: string;
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
  @ApiProperty({ type: AuditActorDto, nullable: true, description: 'null: done by the system (e.g. the first admin at start)' })
  actor: AuditActorDto | null;
  @ApiProperty({ example: 'staff.login' }) action: string;
  @ApiProperty({ example: 'staff_user' }) targetType: string;
  @ApiProperty({ nullable: true, type: String }) targetId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
}
