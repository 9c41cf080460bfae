import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ThemeEntity } from '../entities';

@Injectable()
export class ThemeRepository {
  constructor(@InjectRepository(ThemeEntity) private readonly themes: Repository<ThemeEntity>) {}

  /** Every theme in the order the round presents them (position, then slug for a stable tie-break). */
  listInOrder(): Promise<ThemeEntity[]> {
    return this.themes.find({ order: { position: 'ASC', slug: 'ASC' } });
  }

  findBySlug(slug: string): Promise<ThemeEntity | null> {
    return this.themes.findOneBy({ slug });
  }
}
