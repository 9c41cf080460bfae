import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { SEGMENT_DIMENSIONS, type SegmentDimension } from '@hs/contracts';

export class ResultsQueryDto {
  @ApiPropertyOptional({ description: 'Stemronde; standaard de laatste. / Round; defaults to the latest.', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  round?: number;

  @ApiPropertyOptional({
    enum: SEGMENT_DIMENSIONS,
    description: 'Segments by group (default), municipality or ageBand; segments under SUPPRESS_BELOW are suppressed.',
  })
  @IsOptional()
  @IsIn(SEGMENT_DIMENSIONS)
  by?: SegmentDimension;
}
