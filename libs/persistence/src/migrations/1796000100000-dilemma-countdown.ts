import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An optional countdown per dilemma: its length and whether it closes the dilemma at zero, set by the
 * facilitator; `countdown_ends_at` is when the running one ends (set on open and revote, cleared on close).
 * The partial index serves the one-second sweep that closes dilemmas whose time ran out.
 */
export class DilemmaCountdown1796000100000 implements MigrationInterface {
  name = 'DilemmaCountdown1796000100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dilemma" ADD "countdown_seconds" integer`);
    await queryRunner.query(`ALTER TABLE "dilemma" ADD "countdown_close" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "dilemma" ADD "countdown_ends_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "dilemma" ADD CONSTRAINT "ck_dilemma_countdown_seconds" CHECK (countdown_seconds IS NULL OR countdown_seconds BETWEEN 5 AND 3600)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_dilemma_countdown_due" ON "dilemma" ("countdown_ends_at") WHERE status = 'open' AND countdown_close`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_dilemma_countdown_due"`);
    await queryRunner.query(`ALTER TABLE "dilemma" DROP CONSTRAINT "ck_dilemma_countdown_seconds"`);
    await queryRunner.query(`ALTER TABLE "dilemma" DROP COLUMN "countdown_ends_at"`);
    await queryRunner.query(`ALTER TABLE "dilemma" DROP COLUMN "countdown_close"`);
    await queryRunner.query(`ALTER TABLE "dilemma" DROP COLUMN "countdown_seconds"`);
  }
}
