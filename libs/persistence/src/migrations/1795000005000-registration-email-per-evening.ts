import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One registration per e-mail address and evening, compared case-insensitively (one address with one
 * e-mail address took all 40 seats of an evening). Registrations without an e-mail address are not
 * compared. Earlier duplicates are folded into the first sign-up with that address: the person is
 * registered once, as the new rule says.
 */
export class RegistrationEmailPerEvening1795000005000 implements MigrationInterface {
  name = 'RegistrationEmailPerEvening1795000005000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "registration" r USING "registration" first
       WHERE r.email IS NOT NULL AND first.email IS NOT NULL
         AND r.evening_id = first.evening_id AND lower(r.email) = lower(first.email)
         AND (r.created_at, r.id) > (first.created_at, first.id)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_registration_evening_email" ON "registration" ("evening_id", lower("email")) WHERE "email" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_registration_evening_email"`);
  }
}
