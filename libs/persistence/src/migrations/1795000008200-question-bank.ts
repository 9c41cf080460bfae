import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The question bank: dilemmas saved as templates, added to evenings as copies linked by the template's id. */
export class QuestionBank1795000008200 implements MigrationInterface {
  name = 'QuestionBank1795000008200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "dilemma_template" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "theme" text NOT NULL, "question" text NOT NULL, "description" text, "kind" text NOT NULL, "options" jsonb NOT NULL, "max_choices" integer, "budget" integer, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_dilemma_template_budget" CHECK ((kind = 'budget') = (budget IS NOT NULL)), CONSTRAINT "ck_dilemma_template_kind" CHECK (kind IN ('choice', 'multi', 'budget', 'scale')), CONSTRAINT "pk_dilemma_template" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_dilemma_template_theme" ON "dilemma_template" ("theme") `);
    await queryRunner.query(
      `ALTER TABLE "dilemma_template" ADD CONSTRAINT "fk_dilemma_template_theme" FOREIGN KEY ("theme") REFERENCES "theme"("slug") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "dilemma_template"`);
  }
}
