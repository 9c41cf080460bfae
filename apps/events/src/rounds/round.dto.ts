import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export class CreateRoundDto {
  @ApiProperty({ example: 'Raadpleging 2026', maxLength: 200, description: 'Unique within its year (409 otherwise).' })
  @IsString()
  @MaxLength(200)
  @Matches(/\S/, { message: 'name mag niet leeg zijn' })
  name: string;

  @ApiProperty({ example: 2026, minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ type: String, example: '2026-02-01', description: 'A calendar date, YYYY-MM-DD.', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(DATE_ONLY, { message: 'startsOn moet een datum zijn, bv. 2026-02-01' })
  startsOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    example: '2026-04-30',
    description: 'A calendar date, YYYY-MM-DD, not before startsOn.',
    nullable: true,
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(DATE_ONLY, { message: 'endsOn moet een datum zijn, bv. 2026-04-30' })
  endsOn?: string | null;
}

export class RoundDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: String, nullable: true, example: '2026-02-01' }) startsOn: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-04-30' }) endsOn: string | null;
  @ApiProperty({ description: 'Evenings in the round.' }) evenings: number;
  @ApiProperty() createdAt: string;
}
