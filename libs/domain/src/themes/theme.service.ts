import { Injectable } from '@nestjs/common';
import type { Localized } from '@hs/contracts';
import { type ThemeEntity, ThemeRepository } from '@hs/persistence';

export interface ThemeView {
  slug: string;
  name: Localized;
  description: Localized;
}

export function toThemeView(theme: ThemeEntity): ThemeView {
  return {
    slug: theme.slug,
    name: { nl: theme.nameNl, fy: theme.nameFy, en: theme.nameEn },
    description: { nl: theme.descriptionNl, fy: theme.descriptionFy, en: theme.descriptionEn },
  };
}

/** The themes of the round, in Dutch, Frisian and English (seeded by migration). */
@Injectable()
export class ThemeService {
  constructor(private readonly themes: ThemeRepository) {}

  async list(): Promise<ThemeView[]> {
    return (await this.themes.listInOrder()).map(toThemeView);
  }
}
