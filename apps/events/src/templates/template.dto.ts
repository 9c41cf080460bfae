import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DILEMMA_KINDS, type DilemmaKind } from '@hs/contracts';
import { DilemmaTranslationsDto, OptionTranslationsDto } from '../dilemmas/content-texts.dto';
import { CreateDilemmaDto } from '../dilemmas/dilemma.dto';

/**
 * The same fields as a dilemma, translations included, without a link key: a dilemma made from the template is
 * linked by the template.
 */
export class CreateTemplateDto extends OmitType(CreateDilemmaDto, ['linkKey'] as const) {}

/**
 * Every field optional. null is refused for the fields a dilemma cannot go without (theme, question, kind), as
 * skipNullProperties: false checks a null like any other value; the fields that keep their own IsOptional
 * (description, options, maxChoices, budget, translations) take null as "none", and the rules of the kind decide.
 */
export class UpdateTemplateDto extends PartialType(CreateTemplateDto, { skipNullProperties: false }) {}

export class AddFromTemplateDto {
  @ApiProperty({ format: 'uuid', description: 'A template of the question bank (GET /api/templates).' })
  @IsUUID('all')
  templateId: string;
}

export class TemplateQueryDto {
  @ApiPropertyOptional({ description: 'Only this theme (a slug).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  theme?: string;
}

export class TemplateOptionDto {
  @ApiProperty() label: string;
  @ApiProperty({ type: String, nullable: true }) consequence: string | null;
  @ApiProperty({ type: OptionTranslationsDto, description: '{} when none.' }) translations: OptionTranslationsDto;
}

export class TemplateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() theme: string;
  @ApiProperty() question: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ enum: DILEMMA_KINDS }) kind: DilemmaKind;
  @ApiProperty({ type: [TemplateOptionDto] }) options: TemplateOptionDto[];
  @ApiProperty({ type: Number, nullable: true }) maxChoices: number | null;
  @ApiProperty({ type: Number, nullable: true }) budget: number | null;
  @ApiProperty({ type: DilemmaTranslationsDto, description: '{} when none; copied into every dilemma made from it.' })
  translations: DilemmaTranslationsDto;
  @ApiProperty({ example: 'template:0b6d…', description: 'The link key of every dilemma made from this template.' })
  linkKey: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
