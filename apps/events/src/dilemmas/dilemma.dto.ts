import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { DILEMMA_KINDS, DILEMMA_STATUSES, type DilemmaKind, type DilemmaStatus, THEME_SLUGS } from '@hs/contracts';
import {
  DilemmaTextDto,
  DilemmaTextsDto,
  DilemmaTranslationsDto,
  OptionTextsDto,
  OptionTranslationsDto,
  TranslationsField,
} from './content-texts.dto';

/** An option: its Dutch label and consequence, and their translations. */
export class DilemmaOptionInputDto extends OptionTextsDto {
  @TranslationsField(OptionTranslationsDto, 'Frisian and English label and consequence.')
  translations?: OptionTranslationsDto;
}

/** The Dutch question and description (DilemmaTextsDto) with everything else a new dilemma needs. */
export class CreateDilemmaDto extends DilemmaTextsDto {
  @ApiProperty({
    example: 'betaalbaarheid',
    description: `A theme slug (GET /api/themes), e.g. ${THEME_SLUGS.join(', ')}; unknown: 400.`,
  })
  @IsString()
  @MaxLength(64)
  theme: string;

  @ApiProperty({ enum: DILEMMA_KINDS })
  @IsIn(DILEMMA_KINDS)
  kind: DilemmaKind;

  @ApiProperty({
    type: [DilemmaOptionInputDto],
    description:
      'choice, multi, budget: 2 to 8 options with distinct labels. scale: empty or absent (options on a scale are refused, 400).',
  })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => DilemmaOptionInputDto)
  options?: DilemmaOptionInputDto[];

  @ApiPropertyOptional({
    description: 'multi only: 1 to the number of options; default all options. Elsewhere: 400.',
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  maxChoices?: number | null;

  @ApiPropertyOptional({
    description: 'budget only and required there: the whole points to spread, 1 to 1000. Elsewhere: 400.',
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  budget?: number | null;

  @ApiPropertyOptional({ maxLength: 300, description: 'Links the same dilemma across evenings; default theme + question.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  linkKey?: string;

  @TranslationsField(
    DilemmaTranslationsDto,
    'Frisian (fy) and English (en) question and description; Dutch is required and the fallback.',
  )
  translations?: DilemmaTranslationsDto;
}

/**
 * PATCH /api/dilemmas/:id, while it is a draft: the texts, their translations, the options (all of them,
 * replaced) and the kind's numbers. Theme, kind and link key stay as created.
 */
export class UpdateDilemmaDto extends DilemmaTextDto {
  @ApiPropertyOptional({ type: [DilemmaOptionInputDto], description: 'Replaces every option; the rules of the kind apply.' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => DilemmaOptionInputDto)
  options?: DilemmaOptionInputDto[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt()
  maxChoices?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt()
  budget?: number | null;

  @TranslationsField(DilemmaTranslationsDto, 'Replaces the translations of question and description.')
  translations?: DilemmaTranslationsDto;
}

export class DilemmaOptionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() label: string;
  @ApiProperty({ type: String, nullable: true }) consequence: string | null;
  @ApiProperty({ type: OptionTranslationsDto, description: '{} when none.' }) translations: OptionTranslationsDto;
}

export class DilemmaCountdownDto {
  @ApiProperty({ description: 'Its length in seconds.' }) seconds: number;
  @ApiProperty({ description: 'The server closes the dilemma when it ends.' }) closeAtZero: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'When it ends (ISO-8601) while it runs on the open dilemma.' })
  endsAt: string | null;
}

export class DilemmaDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eveningId: string;
  @ApiProperty({ description: 'Place on the agenda, from 1.' }) position: number;
  @ApiProperty() theme: string;
  @ApiProperty() question: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ enum: DILEMMA_KINDS }) kind: DilemmaKind;
  @ApiProperty({ type: [DilemmaOptionDto], description: 'In position order.' }) options: DilemmaOptionDto[];
  @ApiProperty({ type: Number, nullable: true }) maxChoices: number | null;
  @ApiProperty({ type: Number, nullable: true }) budget: number | null;
  @ApiProperty({ enum: DILEMMA_STATUSES }) status: DilemmaStatus;
  @ApiProperty() round: number;
  @ApiProperty() revealed: boolean;
  @ApiPropertyOptional({
    type: DilemmaCountdownDto,
    nullable: true,
    description: 'The countdown (PUT /api/dilemmas/:id/countdown), or null.',
  })
  countdown?: DilemmaCountdownDto | null;
  @ApiProperty({ type: DilemmaTranslationsDto, description: '{} when none.' }) translations: DilemmaTranslationsDto;
}
