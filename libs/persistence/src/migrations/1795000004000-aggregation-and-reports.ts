import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Stored aggregates (per dilemma round, per scope), reports with their exports, and municipality weights. */
export class AggregationAndReports1795000004000 implements MigrationInterface {
  name = 'AggregationAndReports1795000004000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "dilemma_result" ("dilemma_id" uuid NOT NULL, "round" integer NOT NULL, "tally" jsonb NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_dilemma_result" PRIMARY KEY ("dilemma_id", "round"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "policy_input_cache" ("scope_key" text NOT NULL, "result" jsonb NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_policy_input_cache" PRIMARY KEY ("scope_key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "status" text NOT NULL DEFAULT 'queued', "progress" integer NOT NULL DEFAULT '0', "scope" jsonb NOT NULL, "error" text, "result" jsonb, "csv" text, "pdf" bytea, "created_by" uuid, "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_report_progress" CHECK (progress BETWEEN 0 AND 100), CONSTRAINT "ck_report_status" CHECK (status IN ('queued', 'running', 'done', 'failed')), CONSTRAINT "pk_report" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_report_created_at" ON "report"  ("created_at") `);
    await queryRunner.query(
      `CREATE TABLE "municipality_weight" ("municipality" text NOT NULL, "households" integer NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_municipality_weight_households" CHECK (households > 0), CONSTRAINT "pk_municipality_weight" PRIMARY KEY ("municipality"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "dilemma_result" ADD CONSTRAINT "fk_dilemma_result_dilemma" FOREIGN KEY ("dilemma_id") REFERENCES "dilemma"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "municipality_weight"`);
    await queryRunner.query(`DROP TABLE "report"`);
    await queryRunner.query(`DROP TABLE "policy_input_cache"`);
    await queryRunner.query(`DROP TABLE "dilemma_result"`);
  }
}
