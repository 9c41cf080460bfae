import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An evening may serve more than one municipality (the tenant picks one when joining), and the weights get an
 * optional second margin: tenant households per age band (raking on municipality × age band).
 */
export class MunicipalitiesAndAgeWeights1795000006000 implements MigrationInterface {
  name = 'MunicipalitiesAndAgeWeights1795000006000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evening" ADD "other_municipalities" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `CREATE TABLE "age_band_weight" ("age_band" text NOT NULL, "households" integer NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_age_band_weight_households" CHECK (households > 0), CONSTRAINT "pk_age_band_weight" PRIMARY KEY ("age_band"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "age_band_weight"`);
    await queryRunner.query(`ALTER TABLE "evening" DROP COLUMN "other_municipalities"`);
  }
}
