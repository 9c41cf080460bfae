import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A report keeps its XLSX export beside the CSV and the PDF, rendered once by the worker. */
export class ReportXlsx1795000009500 implements MigrationInterface {
  name = 'ReportXlsx1795000009500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report" ADD "xlsx" bytea`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report" DROP COLUMN "xlsx"`);
  }
}
