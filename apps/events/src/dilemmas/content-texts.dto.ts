import { applyDecorators, type Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CONTENT_TRANSLATION_LANGUAGES, type ContentTranslationLanguage } from '@hs/contracts';

/*
 * The texts a tenant reads, defined once. The Dutch texts of a dilemma and of an option are required where the
 * dilemma cannot go without them; their Frisian and English translations are the same fields, each optional
 * (PartialType keeps every length and "not blank" rule), under one key per language. Dilemmas, templates and
 * their options all use these, so a rule changed here holds for every language and every door.
 */

/** The Dutch question and description of a dilemma or template. */
export class DilemmaTextsDto {
  @ApiProperty({ maxLength: 500, description: 'Stored exactly as given.' })
  @IsString()
  @MaxLength(500)
  @Matches(/\S/, { message: 'question mag niet leeg zijn' })
  question: string;

  @ApiPropertyOptional({ type: String, maxLength: 4000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string | null;
}

/** The Dutch label and consequence of an option. */
export class OptionTextsDto {
  @ApiProperty({ example: 'Huur +1,5% per jaar', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  @Matches(/\S/, { message: 'label mag niet leeg zijn' })
  label: string;

  @ApiPropertyOptional({
    type: String,
    example: 'Isolatie 5 jaar eerder klaar',
    maxLength: 1000,
    nullable: true,
    description: 'What choosing it would mean.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  consequence?: string | null;
}

/** The Frisian or English texts of a dilemma; each is optional (missing: the Dutch is shown). */
export class DilemmaTextDto extends PartialType(DilemmaTextsDto) {}

/** The Frisian or English label and consequence of an option; each optional. */
export class OptionTextDto extends PartialType(OptionTextsDto) {}

const LANGUAGE_NAMES: Record<ContentTranslationLanguage, string> = { fy: 'Frysk', en: 'English' };

/**
 * `{fy?, en?}` with the given texts under each key. Any other key (a language we do not show, say "de") is
 * refused with a 400 by the whitelist; a language is added in CONTENT_TRANSLATION_LANGUAGES, not here.
 */
function translationsOf<T>(text: ClassType<T>): ClassType<Partial<Record<ContentTranslationLanguage, T>>> {
  class Translations {}
  for (const lang of CONTENT_TRANSLATION_LANGUAGES) {
    applyDecorators(
      ApiPropertyOptional({ type: text, description: LANGUAGE_NAMES[lang] }),
      IsOptional(),
      IsObject(),
      ValidateNested(),
      Type(() => text),
    )(Translations.prototype, lang);
  }
  return Translations as ClassType<Partial<Record<ContentTranslationLanguage, T>>>;
}

export class DilemmaTranslationsDto extends translationsOf(DilemmaTextDto) {}

export class OptionTranslationsDto extends translationsOf(OptionTextDto) {}

/** An optional `translations` body field of the given shape, validated in depth. */
export function TranslationsField(type: typeof DilemmaTranslationsDto | typeof OptionTranslationsDto, description: string) {
  return applyDecorators(
    ApiPropertyOptional({ type, description }),
    IsOptional(),
    IsObject(),
    ValidateNested(),
    Type(() => type),
  );
}
