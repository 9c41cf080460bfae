import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { EVENING_STATUSES, type EveningStatus, JOIN_MODES, type JoinMode } from '@hs/contracts';

/** ISO-8601 date and time with an explicit offset (Z or ±hh:mm). */
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const HAS_TEXT = /\S/;
const MAX_CAPACITY = 100_000;

/** The municipalities an evening serves: on create and on update alike. */
function MunicipalitiesField() {
  return applyDecorators(
    ApiPropertyOptional({
      type: [String],
      example: ['Leeuwarden', 'Tytsjerksteradiel'],
      maxItems: 12,
      description:
        'Every municipality the evening serves (municipality, the main one, is added when missing). With more than one, ' +
        'tenants pick theirs when joining and count for it.',
    }),
    ValidateIf((o: { municipalities?: unknown }) => o.municipalities !== undefined),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(12),
    IsString({ each: true }),
    MaxLength(100, { each: true }),
    Matches(HAS_TEXT, { each: true, message: 'municipalities mag geen lege naam bevatten' }),
  );
}

export class CreateEveningDto {
  @ApiProperty({ example: 'Bewonersavond Leeuwarden', maxLength: 200, description: 'Stored exactly as given.' })
  @IsString()
  @MaxLength(200)
  @Matches(HAS_TEXT, { message: 'title mag niet leeg zijn' })
  title: string;

  @ApiProperty({ example: 'Leeuwarden', maxLength: 100 })
  @IsString()
  @MaxLength(100)
  @Matches(HAS_TEXT, { message: 'municipality mag niet leeg zijn' })
  municipality: string;

  @MunicipalitiesField()
  municipalities?: string[];

  @ApiProperty({ example: 'Wijkcentrum De Vlietzone', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  @Matches(HAS_TEXT, { message: 'venue mag niet leeg zijn' })
  venue: string;

  @ApiProperty({
    example: '2026-03-12T19:30:00+01:00',
    description: 'ISO-8601 with an offset (Z or ±hh:mm); a time without offset is refused.',
  })
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: 'startsAt moet een datum en tijd met tijdzone zijn, bv. 2026-03-12T19:30:00+01:00' })
  startsAt: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_CAPACITY,
    nullable: true,
    description: 'Seats for registration; absent or null: no limit.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity?: number | null;

  @ApiPropertyOptional({
    enum: JOIN_MODES,
    default: 'open',
    description: 'open: the join code suffices; cards: each tenant needs a single-use check-in card.',
  })
  @IsOptional()
  @IsIn(JOIN_MODES)
  joinMode?: JoinMode;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The consultation round (GET /api/rounds); absent: the newest round of its year, made when there is none. Unknown: 404.',
  })
  @IsOptional()
  @IsUUID('all')
  roundId?: string;
}

/**
 * Every field optional. While draft or published everything may change; while live only title,
 * venue and capacity (409 otherwise: the join mode, municipality and date are what tenants joined
 * and voted under); once ended nothing (409). capacity null removes the limit.
 */
export class UpdateEveningDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @ValidateIf((o: UpdateEveningDto) => o.title !== undefined)
  @IsString()
  @MaxLength(200)
  @Matches(HAS_TEXT, { message: 'title mag niet leeg zijn' })
  title?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @ValidateIf((o: UpdateEveningDto) => o.municipality !== undefined)
  @IsString()
  @MaxLength(100)
  @Matches(HAS_TEXT, { message: 'municipality mag niet leeg zijn' })
  municipality?: string;

  @MunicipalitiesField()
  municipalities?: string[];

  @ApiPropertyOptional({ maxLength: 200 })
  @ValidateIf((o: UpdateEveningDto) => o.venue !== undefined)
  @IsString()
  @MaxLength(200)
  @Matches(HAS_TEXT, { message: 'venue mag niet leeg zijn' })
  venue?: string;

  @ApiPropertyOptional({ example: '2026-03-12T19:30:00+01:00' })
  @ValidateIf((o: UpdateEveningDto) => o.startsAt !== undefined)
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: 'startsAt moet een datum en tijd met tijdzone zijn, bv. 2026-03-12T19:30:00+01:00' })
  startsAt?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_CAPACITY, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity?: number | null;

  @ApiPropertyOptional({ enum: JOIN_MODES })
  @ValidateIf((o: UpdateEveningDto) => o.joinMode !== undefined)
  @IsIn(JOIN_MODES)
  joinMode?: JoinMode;

  @ApiPropertyOptional({ format: 'uuid', description: 'Move it to another consultation round; allowed in every state.' })
  @ValidateIf((o: UpdateEveningDto) => o.roundId !== undefined)
  @IsUUID('all')
  roundId?: string;
}

export class EveningDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() municipality: string;
  @ApiProperty({ type: [String], description: 'Every municipality served, the main one first.' }) municipalities: string[];
  @ApiProperty() venue: string;
  @ApiProperty({ example: '2026-03-12T18:30:00.000Z', description: 'ISO-8601, always given in UTC (Z).' }) startsAt: string;
  @ApiProperty({ type: Number, nullable: true, description: 'null: no limit' }) capacity: number | null;
  @ApiProperty({ enum: JOIN_MODES }) joinMode: JoinMode;
  @ApiProperty({ enum: EVENING_STATUSES }) status: EveningStatus;
  @ApiProperty({
    example: 'K7M2QX',
    description:
      '6 characters from A–Z and 2–9 without 0/O and 1/I/L; unique among evenings not ended. Absent for roles that do not run evenings.',
  })
  joinCode: string;
  @ApiProperty({ type: String, nullable: true, description: 'When it ended (UTC), else null.' }) endedAt: string | null;
  @ApiProperty({ format: 'uuid', description: 'The consultation round it belongs to.' }) roundId: string;
}

export class PublicEveningDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() municipality: string;
  @ApiProperty({ type: [String], description: 'Every municipality served, the main one first.' }) municipalities: string[];
  @ApiProperty() venue: string;
  @ApiProperty({ description: 'ISO-8601 in UTC (Z).' }) startsAt: string;
  @ApiProperty({ type: Number, nullable: true }) capacity: number | null;
  @ApiProperty({ enum: ['published', 'live'] }) status: EveningStatus;
  @ApiProperty({ type: Number, nullable: true, description: 'Seats left for registration; null: no limit.' }) seatsLeft:
    number | null;
  @ApiProperty({ description: 'Whether POST …/registrations is accepted now (only while published).' }) registrationOpen: boolean;
  @ApiProperty({
    minimum: 0,
    description:
      'REGISTRATION_RETENTION_DAYS: a registration is deleted this many days after the evening ended. The sign-up form says it.',
  })
  registrationRetentionDays: number;
}
