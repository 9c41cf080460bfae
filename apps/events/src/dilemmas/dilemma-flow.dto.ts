import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { COUNTDOWN_MAX_SECONDS, COUNTDOWN_MIN_SECONDS } from '@hs/domain';
import { DilemmaDto } from './dilemma.dto';

export class CountdownDto {
  @ApiProperty({ minimum: COUNTDOWN_MIN_SECONDS, maximum: COUNTDOWN_MAX_SECONDS, description: 'Whole seconds.' })
  @IsInt()
  @Min(COUNTDOWN_MIN_SECONDS)
  @Max(COUNTDOWN_MAX_SECONDS)
  seconds: number;

  @ApiPropertyOptional({ default: false, description: 'Close the dilemma when the countdown reaches zero.' })
  @IsOptional()
  @IsBoolean()
  closeAtZero?: boolean;
}

export class NextDilemmaDto {
  @ApiProperty({ type: DilemmaDto, nullable: true, description: 'The dilemma that was open, now closed.' })
  closed: DilemmaDto | null;
  @ApiProperty({ type: DilemmaDto }) opened: DilemmaDto;
}
