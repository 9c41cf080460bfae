import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live voting: earlier clientVoteIds per vote row (a late retry answers "duplicate"), card batches
 * (one print page per batch) and the number of people a manual count stands for.
 */
export class LiveVoting1795000003000 implements MigrationInterface {
  name = 'LiveVoting1795000003000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vote" ADD "seen_client_vote_ids" uuid array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "checkin_card" ADD "batch_id" uuid`);
    await queryRunner.query(`CREATE INDEX "ix_checkin_card_batch" ON "checkin_card" ("batch_id") `);
    await queryRunner.query(`ALTER TABLE "manual_count" ADD "respondents" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "manual_count" ALTER COLUMN "respondents" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "manual_count" ADD CONSTRAINT "ck_manual_count_respondents" CHECK (respondents >= 0)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "manual_count" DROP CONSTRAINT "ck_manual_count_respondents"`);
    await queryRunner.query(`ALTER TABLE "manual_count" DROP COLUMN "respondents"`);
    await queryRunner.query(`DROP INDEX "public"."ix_checkin_card_batch"`);
    await queryRunner.query(`ALTER TABLE "checkin_card" DROP COLUMN "batch_id"`);
    await queryRunner.query(`ALTER TABLE "vote" DROP COLUMN "seen_client_vote_ids"`);
  }
}
