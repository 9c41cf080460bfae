import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DILEMMA_KINDS, type DilemmaKind } from '@hs/contracts';
import { CreateDilemmaDto, DilemmaOptionInputDto } from '../dilemmas/dilemma.dto';

/** The same fields as a dilemma, without a link key: a dilemma made from the template is linked by the template. */
export class CreateTemplateDto extends OmitType(CreateDilemmaDto, ['linkKey'] as const) {}

/** Every field optional; null is refused for the fields a dilemma cannot go without. */
export class UpdateTemplateDto {
  @ApiPropertyOptional()
  @ValidateIf((o: UpdateTemplateDto) => o.theme !== undefined)
  @IsString()
  @MaxLength(64)
  theme?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @ValidateIf((o: UpdateTemplateDto) => o.question !== undefined)
  @IsString()
  @MaxLength(500)
  @Matches(/\S/, { message: 'question mag niet leeg zijn' })
  question?: string;

  @ApiPropertyOptional({ maxLength: 4000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @ApiPropertyOptional({ enum: DILEMMA_KINDS })
  @ValidateIf((o: UpdateTemplateDto) => o.kind !== undefined)
  @IsIn(DILEMMA_KINDS)
  kind?: DilemmaKind;

  @ApiPropertyOptional({ type: [DilemmaOptionInputDto] })
  @ValidateIf((o: UpdateTemplateDto) => o.options !== undefined)
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
}

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
  @ApiProperty({ example: 'template:0b6d…', description: 'The link key of every dilemma made from this template.' })
  linkKey: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
