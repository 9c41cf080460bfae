import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The question bank takes the same Frisian and English texts as a dilemma: the template's question and
 * description in a `translations` column (`{fy?, en?}`), each option's label and consequence in a `translations`
 * key inside the options JSON, which already holds the option's Dutch texts. A dilemma made from the template
 * copies both.
 */
export class TemplateTranslations1796000200100 implements MigrationInterface {
  name = 'TemplateTranslations1796000200100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dilemma_template" ADD "translations" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `ALTER TABLE "dilemma_template" ADD CONSTRAINT "ck_dilemma_template_translations" CHECK (jsonb_typeof(translations) = 'object')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dilemma_template" DROP CONSTRAINT "ck_dilemma_template_translations"`);
    await queryRunner.query(`ALTER TABLE "dilemma_template" DROP COLUMN "translations"`);
  }
}
