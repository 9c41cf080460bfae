import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { FINDING_OUTCOMES, FINDING_STATES, type FindingOutcome, type FindingState } from '@hs/contracts';

const HAS_TEXT = /\S/;
/** Optional, but never null: a field that is given must be valid (null would clear a required column). */
const IfGiven = () => ValidateIf((_: object, value: unknown) => value !== undefined);

export class TextTranslationsDto {
  @ApiPropertyOptional({ description: 'Frisian', maxLength: 4000 })
  @IfGiven()
  @IsString()
  @MaxLength(4000)
  fy?: string;

  @ApiPropertyOptional({ description: 'English', maxLength: 4000 })
  @IfGiven()
  @IsString()
  @MaxLength(4000)
  en?: string;
}

export class QuoteRequestDto {
  @ApiProperty({ format: 'uuid', description: 'A dilemma asked at an evening of the finding’s municipality.' })
  @IsUUID()
  dilemmaId: string;

  @ApiProperty({ description: 'The option whose share is quoted (for a scale: "1".."5").' })
  @IsString()
  @MaxLength(64)
  optionId: string;

  @ApiPropertyOptional({ minimum: 1, description: 'Voting round; the latest when absent.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  round?: number;
}

/** The fields a new finding and a change share. */
class FindingBodyDto {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The consultation round it answers (draft only).' })
  @IsOptional()
  @IsUUID()
  roundId?: string | null;

  @ApiPropertyOptional({ type: TextTranslationsDto, description: 'Draft only.' })
  @IfGiven()
  @IsObject()
  @ValidateNested()
  @Type(() => TextTranslationsDto)
  translations?: TextTranslationsDto;

  @ApiPropertyOptional({ description: 'What the corporation did with it ("wij deden").', maxLength: 4000 })
  @IfGiven()
  @IsString()
  @MaxLength(4000)
  response?: string;

  @ApiPropertyOptional({ type: TextTranslationsDto })
  @IfGiven()
  @IsObject()
  @ValidateNested()
  @Type(() => TextTranslationsDto)
  responseTranslations?: TextTranslationsDto;

  @ApiPropertyOptional({ enum: FINDING_OUTCOMES })
  @IfGiven()
  @IsIn(FINDING_OUTCOMES)
  outcome?: FindingOutcome;

  @ApiPropertyOptional({ type: [String], description: 'Agreements of the same municipality that answer it (replaces the list).' })
  @IfGiven()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  agreementIds?: string[];
}

export class CreateFindingDto extends FindingBodyDto {
  @ApiProperty({ example: 'Leeuwarden', maxLength: 100 })
  @IsString()
  @MaxLength(100)
  @Matches(HAS_TEXT, { message: 'municipality mag niet leeg zijn' })
  municipality: string;

  @ApiProperty({ description: 'What tenants said, in plain Dutch.', maxLength: 4000 })
  @IsString()
  @MaxLength(4000)
  @Matches(HAS_TEXT, { message: 'text mag niet leeg zijn' })
  text: string;

  @ApiProperty({ type: [QuoteRequestDto], description: 'The results it quotes (0 to 10); their figures are copied now.' })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => QuoteRequestDto)
  quotes: QuoteRequestDto[];
}

export class UpdateFindingDto extends FindingBodyDto {
  @ApiPropertyOptional({ description: 'What tenants said, in plain Dutch (draft only).', maxLength: 4000 })
  @IfGiven()
  @IsString()
  @MaxLength(4000)
  @Matches(HAS_TEXT, { message: 'text mag niet leeg zijn' })
  text?: string;

  @ApiPropertyOptional({
    type: [QuoteRequestDto],
    description: 'The results it quotes; their figures are copied now and never change (draft only). At most 10.',
  })
  @IfGiven()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => QuoteRequestDto)
  quotes?: QuoteRequestDto[];
}

export class FindingsQueryDto {
  @ApiPropertyOptional({ example: 'Leeuwarden' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  municipality?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  roundId?: string;

  @ApiPropertyOptional({ enum: FINDING_STATES })
  @IsOptional()
  @IsIn(FINDING_STATES)
  state?: FindingState;
}

export class FeedbackQueryDto {
  @ApiPropertyOptional({ example: 'Leeuwarden', description: 'Compared without case; all municipalities when absent.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  municipality?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A consultation round; all rounds when absent.' })
  @IsOptional()
  @IsUUID()
  roundId?: string;
}

export class LetterQueryDto {
  @ApiProperty({ example: 'Leeuwarden', description: 'The municipality the letter is for (compared without case).' })
  @IsString()
  @MaxLength(100)
  @Matches(HAS_TEXT, { message: 'municipality mag niet leeg zijn' })
  municipality: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'One consultation round; all rounds when absent.' })
  @IsOptional()
  @IsUUID()
  roundId?: string;
}
