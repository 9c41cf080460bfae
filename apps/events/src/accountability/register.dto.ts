import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { AGREEMENT_PARTIES, AGREEMENT_STATUSES, type AgreementParty, type AgreementStatus } from '@hs/contracts';

const HAS_TEXT = /\S/;
/** A calendar day, YYYY-MM-DD, that exists (2026-02-30 does not). */
export const CALENDAR_DAY = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function DayField(): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional({
      example: '2026-06-15',
      description: 'Calendar day (YYYY-MM-DD); today in the Netherlands when absent.',
    })(target, key);
    IsOptional()(target, key);
    IsString()(target, key);
    Matches(CALENDAR_DAY, { message: `${String(key)} moet een datum zijn als 2026-06-15` })(target, key);
    IsISO8601({ strict: true }, { message: `${String(key)} bestaat niet als datum` })(target, key);
  };
}

export class RegisterQueryDto {
  @ApiPropertyOptional({
    example: 'Leeuwarden',
    description: 'Compared without case. People at the table: one of their own (403 otherwise).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  municipality?: string;

  @ApiPropertyOptional({ example: 2026, minimum: 2000, maximum: 2100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: AGREEMENT_STATUSES })
  @IsOptional()
  @IsIn(AGREEMENT_STATUSES)
  status?: AgreementStatus;
}

/** Where in the register: the municipality and the year of its performance agreements. */
class RegisterPlaceDto {
  @ApiProperty({ example: 'Leeuwarden', maxLength: 100 })
  @IsString()
  @MaxLength(100)
  @Matches(HAS_TEXT, { message: 'municipality mag niet leeg zijn' })
  municipality: string;

  @ApiProperty({ example: 2026, minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

export class CreateWoonvisieThemeDto extends RegisterPlaceDto {
  @ApiProperty({ example: 'Betaalbaar en duurzaam wonen', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  @Matches(HAS_TEXT, { message: 'name mag niet leeg zijn' })
  name: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;
}

export class CreateAgreementDto extends RegisterPlaceDto {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'A woonvisie theme of the same municipality and year.' })
  @IsOptional()
  @IsUUID()
  themeId?: string | null;

  @ApiProperty({ example: 'De corporatie isoleert 300 woningen in Heechterp-Schieringen.', maxLength: 4000 })
  @IsString()
  @MaxLength(4000)
  @Matches(HAS_TEXT, { message: 'text mag niet leeg zijn' })
  text: string;

  @ApiProperty({ enum: AGREEMENT_PARTIES, description: 'Who carries it out.' })
  @IsIn(AGREEMENT_PARTIES)
  party: AgreementParty;

  @ApiPropertyOptional({
    enum: ['bod', 'afgesproken'],
    default: 'bod',
    description: 'bod: an item of the bid; afgesproken: agreed without a bid item.',
  })
  @IsOptional()
  @IsIn(['bod', 'afgesproken'])
  status?: AgreementStatus;

  @DayField()
  on?: string;
}

export class UpdateAgreementDto {
  @ApiPropertyOptional({ maxLength: 4000 })
  @ValidateIf((o: UpdateAgreementDto) => o.text !== undefined)
  @IsString()
  @MaxLength(4000)
  @Matches(HAS_TEXT, { message: 'text mag niet leeg zijn' })
  text?: string;

  @ApiPropertyOptional({ enum: AGREEMENT_PARTIES })
  @ValidateIf((o: UpdateAgreementDto) => o.party !== undefined)
  @IsIn(AGREEMENT_PARTIES)
  party?: AgreementParty;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'null removes the theme.' })
  @IsOptional()
  @IsUUID()
  themeId?: string | null;
}

export class MoveAgreementDto {
  @ApiProperty({
    enum: AGREEMENT_STATUSES,
    description: 'bod → afgesproken → in_uitvoering → gerealiseerd; vervallen from any of the first three. Any other move: 409.',
  })
  @IsIn(AGREEMENT_STATUSES)
  status: AgreementStatus;

  @DayField()
  on?: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class EvaluationDto {
  @ApiProperty({ description: 'Tussentijdse evaluatie: how the agreement is going.', maxLength: 4000 })
  @IsString()
  @MaxLength(4000)
  @Matches(HAS_TEXT, { message: 'note mag niet leeg zijn' })
  note: string;

  @DayField()
  on?: string;
}

export class AdviceTextDto {
  @ApiProperty({ maxLength: 8000, description: 'The advice, or the written response to it.' })
  @IsString()
  @MaxLength(8000)
  @Matches(HAS_TEXT, { message: 'text mag niet leeg zijn' })
  text: string;

  @DayField()
  on?: string;
}
