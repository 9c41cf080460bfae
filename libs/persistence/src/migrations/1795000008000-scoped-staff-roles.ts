import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people at the table: staff roles tenant_org and municipality, each scoped to the municipalities it may read.
 * The check says what the code assumes: exactly the scoped roles carry municipalities, and never an empty list.
 */
export class ScopedStaffRoles1795000008000 implements MigrationInterface {
  name = 'ScopedStaffRoles1795000008000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff_user" ADD "municipalities" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "staff_user" DROP CONSTRAINT "ck_staff_user_role"`);
    await queryRunner.query(
      `ALTER TABLE "staff_user" ADD CONSTRAINT "ck_staff_user_role" CHECK (role IN ('admin', 'facilitator', 'analyst', 'tenant_org', 'municipality'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_user" ADD CONSTRAINT "ck_staff_user_scope" CHECK ((role IN ('tenant_org', 'municipality')) = (cardinality(municipalities) > 0))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "staff_user" WHERE role IN ('tenant_org', 'municipality')`);
    await queryRunner.query(`ALTER TABLE "staff_user" DROP CONSTRAINT "ck_staff_user_scope"`);
    await queryRunner.query(`ALTER TABLE "staff_user" DROP CONSTRAINT "ck_staff_user_role"`);
    await queryRunner.query(
      `ALTER TABLE "staff_user" ADD CONSTRAINT "ck_staff_user_role" CHECK (role IN ('admin', 'facilitator', 'analyst'))`,
    );
    await queryRunner.query(`ALTER TABLE "staff_user" DROP COLUMN "municipalities"`);
  }
}
