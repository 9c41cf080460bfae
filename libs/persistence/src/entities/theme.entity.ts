import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'theme' })
export class ThemeEntity {
  @PrimaryColumn({ type: 'text' })
  slug: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ name: 'name_nl', type: 'text' }) nameNl: string;
  @Column({ name: 'name_fy', type: 'text' }) nameFy: string;
  @Column({ name: 'name_en', type: 'text' }) nameEn: string;
  @Column({ name: 'description_nl', type: 'text' }) descriptionNl: string;
  @Column({ name: 'description_fy', type: 'text' }) descriptionFy: string;
  @Column({ name: 'description_en', type: 'text' }) descriptionEn: string;
}
