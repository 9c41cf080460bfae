import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consultation rounds. Every evening belongs to one (round_id NOT NULL). An evening inserted without a round (by the
 * API when none is named, by a script or a test builder) is filed by a trigger under the newest round of its year
 * in Europe/Amsterdam, and a round "Raadpleging <year>" is made when that year has none: the one place this rule
 * lives. Existing evenings go through the same rule.
 */
export class ConsultationRounds1795000008100 implements MigrationInterface {
  name = 'ConsultationRounds1795000008100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "consultation_round" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "year" integer NOT NULL, "starts_on" date, "ends_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_consultation_round_year" CHECK (year BETWEEN 2000 AND 2100), CONSTRAINT "ck_consultation_round_period" CHECK (starts_on IS NULL OR ends_on IS NULL OR starts_on <= ends_on), CONSTRAINT "pk_consultation_round" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_consultation_round_year_name" ON "consultation_round" ("year", lower("name"))`,
    );
    await queryRunner.query(`ALTER TABLE "evening" ADD "round_id" uuid`);
    await queryRunner.query(`
      CREATE FUNCTION hs_round_of_year(y integer) RETURNS uuid LANGUAGE plpgsql AS $$
      DECLARE found uuid;
      BEGIN
        SELECT id INTO found FROM consultation_round WHERE year = y ORDER BY created_at DESC, id LIMIT 1;
        IF found IS NULL THEN
          INSERT INTO consultation_round (name, year) VALUES ('Raadpleging ' || y, y) ON CONFLICT DO NOTHING;
          SELECT id INTO found FROM consultation_round WHERE year = y ORDER BY created_at DESC, id LIMIT 1;
        END IF;
        RETURN found;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION hs_evening_default_round() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.round_id IS NULL THEN
          NEW.round_id := hs_round_of_year(extract(year FROM NEW.starts_at AT TIME ZONE 'Europe/Amsterdam')::int);
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_evening_default_round" BEFORE INSERT ON "evening" FOR EACH ROW EXECUTE FUNCTION hs_evening_default_round()`,
    );
    await queryRunner.query(
      `UPDATE "evening" SET "round_id" = hs_round_of_year(extract(year FROM starts_at AT TIME ZONE 'Europe/Amsterdam')::int)`,
    );
    await queryRunner.query(`ALTER TABLE "evening" ALTER COLUMN "round_id" SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_evening_round" ON "evening" ("round_id") `);
    await queryRunner.query(
      `ALTER TABLE "evening" ADD CONSTRAINT "fk_evening_round" FOREIGN KEY ("round_id") REFERENCES "consultation_round"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evening" DROP CONSTRAINT "fk_evening_round"`);
    await queryRunner.query(`DROP INDEX "ix_evening_round"`);
    await queryRunner.query(`DROP TRIGGER "tr_evening_default_round" ON "evening"`);
    await queryRunner.query(`DROP FUNCTION hs_evening_default_round()`);
    await queryRunner.query(`DROP FUNCTION hs_round_of_year(integer)`);
    await queryRunner.query(`ALTER TABLE "evening" DROP COLUMN "round_id"`);
    await queryRunner.query(`DROP TABLE "consultation_round"`);
  }
}
