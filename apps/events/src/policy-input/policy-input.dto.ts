import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { AGE_BANDS, GROUPS, type ParticipantGroup, type PolicyScope } from '@hs/contracts';

const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** a,b,c (or the parameter repeated) → ['a', 'b', 'c']; empty → absent (everything). */
const commaList = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  const joined = Array.isArray(value) ? value.map(String).join(',') : typeof value === 'string' ? value : value;
  if (typeof joined !== 'string') return joined;
  const items = joined
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  return items.length > 0 ? items : undefined;
};

export class PolicyInputQueryDto {
  @ApiPropertyOptional({ description: 'Evening ids, comma-separated; an unknown id is 400.', example: 'uuid1,uuid2' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  eveningIds?: string[];

  @ApiPropertyOptional({ description: 'Theme slugs (GET /api/themes), comma-separated; an unknown slug is 400.' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  themes?: string[];

  @ApiPropertyOptional({
    description: "Evenings' municipalities (case-insensitive), comma-separated; one without evenings gives an empty result.",
  })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  municipalities?: string[];

  @ApiPropertyOptional({
    description: `Participant groups (${GROUPS.join(', ')}), comma-separated: only their phone votes count (hand counts have no group).`,
  })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(GROUPS.length)
  @IsIn(GROUPS, { each: true })
  groups?: ParticipantGroup[];

  @ApiPropertyOptional({ description: 'Version 1: one theme slug (same as themes=slug).' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @Length(1, 60)
  theme?: string;

  @ApiPropertyOptional({ description: "Version 1: one evening's municipality (same as municipalities=name)." })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @Length(1, 100)
  municipality?: string;
}

/** The query as a scope: version 1's single theme and municipality join the lists. */
export function scopeOfQuery(query: PolicyInputQueryDto): PolicyScope {
  const themes = [...(query.themes ?? []), ...(query.theme ? [query.theme] : [])];
  const municipalities = [...(query.municipalities ?? []), ...(query.municipality ? [query.municipality] : [])];
  return {
    ...(query.eveningIds ? { eveningIds: query.eveningIds } : {}),
    ...(themes.length ? { themes } : {}),
    ...(municipalities.length ? { municipalities } : {}),
    ...(query.groups ? { groups: query.groups } : {}),
  };
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

  @ApiPropertyOptional({
    description:
      `Tenant households per age band (${AGE_BANDS.join(', ')}), e.g. {"65-79": 4000}: with both tables the policy input ` +
      'rakes on municipality × age band. Absent: the age-band table stays as it is; {}: cleared.',
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 1 },
  })
  @IsOptional()
  @IsObject()
  ageBands?: Record<string, number>;
}
