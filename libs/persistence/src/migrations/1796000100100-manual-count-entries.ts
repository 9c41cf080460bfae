import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand counts become one entry per option per round, replaced when corrected, instead of entries that added up
 * (entering 3 and then "correcting" to 2 stored 5). Existing data keeps its meaning: what the old entries added up
 * to becomes the one entry, with the last person who entered one and when; the people they stood for and the
 * notes go to one row per round.
 */
export class ManualCountEntries1796000100100 implements MigrationInterface {
  name = 'ManualCountEntries1796000100100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "manual_count_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dilemma_id" uuid NOT NULL, "round" integer NOT NULL, "option_key" text NOT NULL, "count" integer NOT NULL, "entered_by" uuid, "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_manual_count_entry_key" UNIQUE ("dilemma_id", "round", "option_key"), CONSTRAINT "ck_manual_count_entry_round" CHECK (round >= 1), CONSTRAINT "ck_manual_count_entry_count" CHECK (count >= 0), CONSTRAINT "pk_manual_count_entry" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_count_entry" ADD CONSTRAINT "fk_manual_count_entry_dilemma" FOREIGN KEY ("dilemma_id") REFERENCES "dilemma"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "manual_count_round" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dilemma_id" uuid NOT NULL, "round" integer NOT NULL, "respondents" integer NOT NULL, "note" text, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_manual_count_round" UNIQUE ("dilemma_id", "round"), CONSTRAINT "ck_manual_count_round_round" CHECK (round >= 1), CONSTRAINT "ck_manual_count_round_respondents" CHECK (respondents >= 0), CONSTRAINT "pk_manual_count_round" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_count_round" ADD CONSTRAINT "fk_manual_count_round_dilemma" FOREIGN KEY ("dilemma_id") REFERENCES "dilemma"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO "manual_count_entry" (dilemma_id, round, option_key, count, entered_by, entered_at)
       SELECT mc.dilemma_id, mc.round, c.key, sum(c.value::numeric)::int,
              (array_agg(mc.created_by ORDER BY mc.created_at DESC, mc.id DESC))[1], max(mc.created_at)
       FROM "manual_count" mc, jsonb_each_text(mc.counts) AS c
       GROUP BY mc.dilemma_id, mc.round, c.key`,
    );
    await queryRunner.query(
      `INSERT INTO "manual_count_round" (dilemma_id, round, respondents, note, updated_by, updated_at, created_at)
       SELECT dilemma_id, round, sum(respondents), string_agg(note, ' · ' ORDER BY created_at, id),
              (array_agg(created_by ORDER BY created_at DESC, id DESC))[1], max(created_at), min(created_at)
       FROM "manual_count" GROUP BY dilemma_id, round`,
    );
    await queryRunner.query(`DROP TABLE "manual_count"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "manual_count" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dilemma_id" uuid NOT NULL, "round" integer NOT NULL, "counts" jsonb NOT NULL, "note" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "respondents" integer NOT NULL, CONSTRAINT "ck_manual_count_round" CHECK (round >= 1), CONSTRAINT "ck_manual_count_respondents" CHECK (respondents >= 0), CONSTRAINT "PK_d5997f3f80e58456740d358f46f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_manual_count_dilemma_round" ON "manual_count"  ("dilemma_id", "round") `);
    await queryRunner.query(
      `ALTER TABLE "manual_count" ADD CONSTRAINT "fk_manual_count_dilemma" FOREIGN KEY ("dilemma_id") REFERENCES "dilemma"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO "manual_count" (dilemma_id, round, counts, note, created_by, created_at, respondents)
       SELECT r.dilemma_id, r.round,
              COALESCE((SELECT jsonb_object_agg(e.option_key, e.count) FROM "manual_count_entry" e
                        WHERE e.dilemma_id = r.dilemma_id AND e.round = r.round), '{}'::jsonb),
              r.note, r.updated_by, r.updated_at, r.respondents
       FROM "manual_count_round" r`,
    );
    await queryRunner.query(`DROP TABLE "manual_count_round"`);
    await queryRunner.query(`DROP TABLE "manual_count_entry"`);
  }
}
