import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { GROUPS, type ParticipantGroup } from '@hs/contracts';

/** A report's scope; an absent list means "all", an empty list matches nothing (an empty report). */
export class CreateReportDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 1000 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  eveningIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Theme slugs (GET /api/themes).', maxItems: 100 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  themes?: string[];

  @ApiPropertyOptional({ type: [String], description: "Evenings' municipalities, case-insensitive.", maxItems: 500 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  municipalities?: string[];

  @ApiPropertyOptional({ type: [String], enum: GROUPS, description: 'Participant groups: only their phone votes count.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(GROUPS.length)
  @IsIn(GROUPS, { each: true })
  groups?: ParticipantGroup[];
}
