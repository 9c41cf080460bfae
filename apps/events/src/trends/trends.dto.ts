import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length } from 'class-validator';
import type { TrendQuery } from '@hs/domain';

const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

export class TrendsQueryDto {
  @ApiPropertyOptional({ description: 'A theme slug (GET /api/themes); unknown: 400.' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @Length(1, 60)
  theme?: string;

  @ApiPropertyOptional({ description: "An evening's municipality (case-insensitive)." })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @Length(1, 100)
  municipality?: string;

  @ApiPropertyOptional({ description: 'Municipalities, comma-separated.', example: 'Leeuwarden,Harlingen' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  municipalities?: string[];

  toQuery(): TrendQuery {
    const municipalities = [...(this.municipality ? [this.municipality] : []), ...(this.municipalities ?? [])];
    return { theme: this.theme, municipalities: municipalities.length ? municipalities : undefined };
  }
}
