import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DilemmaTemplateEntity } from '../entities';

export type TemplateFields = Pick<
  DilemmaTemplateEntity,
  'theme' | 'question' | 'description' | 'translations' | 'kind' | 'options' | 'maxChoices' | 'budget'
>;

/** The question bank. */
@Injectable()
export class TemplateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(DilemmaTemplateEntity);
  }

  async themeExists(slug: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM theme WHERE slug = $1', [slug]);
    return rows.length > 0;
  }

  insert(fields: TemplateFields, createdBy: string | null): Promise<DilemmaTemplateEntity> {
    return this.repo.save(this.repo.create({ ...fields, createdBy }));
  }

  findById(id: string): Promise<DilemmaTemplateEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** By theme, then question. */
  list(theme?: string): Promise<DilemmaTemplateEntity[]> {
    return this.repo.find({ where: theme ? { theme } : {}, order: { theme: 'ASC', question: 'ASC', createdAt: 'ASC' } });
  }

  async update(id: string, fields: TemplateFields): Promise<DilemmaTemplateEntity | null> {
    const result = await this.repo.update({ id }, fields);
    return (result.affected ?? 0) > 0 ? this.findById(id) : null;
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.repo.delete({ id });
    return (result.affected ?? 0) > 0;
  }
}
