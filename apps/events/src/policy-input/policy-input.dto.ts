import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsObject, IsOptional, IsString, Length } from 'class-validator';

const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

export class PolicyInputQueryDto {
  @ApiPropertyOptional({ description: 'A theme slug (GET /api/themes); empty or absent: all themes. Unknown slug: 400.' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @Length(1, 60)
  theme?: string;

  @ApiPropertyOptional({
    description: "An evening's municipality (case-insensitive); one without evenings gives an empty result.",
  })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @Length(1, 100)
  municipality?: string;
}

export class WeightsDto {
  @ApiProperty({
    description:
      'Tenant households per municipality, e.g. {"Leeuwarden": 12000, "Smallingerland": 5400}; replaces the whole table.',
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 1 },
  })
  @IsObject()
  households: Record<string, number>;
}
