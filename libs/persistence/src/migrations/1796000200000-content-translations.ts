import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frisian and English texts beside the Dutch of a dilemma (question, description) and of its options (label,
 * consequence): `{fy?: {...}, en?: {...}}`, only what was given. Dutch stays in its own columns, required, and is
 * the fallback; a JSON object per row keeps a third language a change of the validation, not of the schema.
 */
export class ContentTranslations1796000200000 implements MigrationInterface {
  name = 'ContentTranslations1796000200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dilemma" ADD "translations" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `ALTER TABLE "dilemma" ADD CONSTRAINT "ck_dilemma_translations" CHECK (jsonb_typeof(translations) = 'object')`,
    );
    await queryRunner.query(`ALTER TABLE "dilemma_option" ADD "translations" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `ALTER TABLE "dilemma_option" ADD CONSTRAINT "ck_dilemma_option_translations" CHECK (jsonb_typeof(translations) = 'object')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dilemma_option" DROP CONSTRAINT "ck_dilemma_option_translations"`);
    await queryRunner.query(`ALTER TABLE "dilemma_option" DROP COLUMN "translations"`);
    await queryRunner.query(`ALTER TABLE "dilemma" DROP CONSTRAINT "ck_dilemma_translations"`);
    await queryRunner.query(`ALTER TABLE "dilemma" DROP COLUMN "translations"`);
  }
}
