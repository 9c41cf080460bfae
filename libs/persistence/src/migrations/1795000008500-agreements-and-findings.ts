import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The performance-agreement cycle: woonvisie themes, the agreements register (bid items and agreements with their
 * timeline of status moves and evaluations), formal advice with its response, and the findings of
 * "u zei, wij deden" with their frozen quotes, linked agreements and public history.
 */
export class AgreementsAndFindings1795000008500 implements MigrationInterface {
  name = 'AgreementsAndFindings1795000008500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "woonvisie_theme" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality" text NOT NULL, "year" integer NOT NULL, "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_woonvisie_theme_year" CHECK (year BETWEEN 2000 AND 2100), CONSTRAINT "pk_woonvisie_theme" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_woonvisie_theme_municipality_year" ON "woonvisie_theme"  ("municipality", "year") `,
    );
    await queryRunner.query(
      `CREATE TABLE "agreement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality" text NOT NULL, "year" integer NOT NULL, "theme_id" uuid, "text" text NOT NULL, "party" text NOT NULL, "status" text NOT NULL, "status_since" date NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_agreement_year" CHECK (year BETWEEN 2000 AND 2100), CONSTRAINT "ck_agreement_party" CHECK (party IN ('corporatie', 'gemeente', 'huurdersorganisatie')), CONSTRAINT "ck_agreement_status" CHECK (status IN ('bod', 'afgesproken', 'in_uitvoering', 'gerealiseerd', 'vervallen')), CONSTRAINT "pk_agreement" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_agreement_municipality_year" ON "agreement"  ("municipality", "year") `);
    await queryRunner.query(
      `CREATE TABLE "agreement_event" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "agreement_id" uuid NOT NULL, "kind" text NOT NULL, "from_status" text, "to_status" text, "on" date NOT NULL, "note" text NOT NULL DEFAULT '', "actor_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_agreement_event_status" CHECK ((kind = 'status') = (to_status IS NOT NULL)), CONSTRAINT "ck_agreement_event_kind" CHECK (kind IN ('status', 'evaluation')), CONSTRAINT "pk_agreement_event" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_agreement_event_agreement" ON "agreement_event"  ("agreement_id", "id") `);
    await queryRunner.query(
      `CREATE TABLE "advice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agreement_id" uuid NOT NULL, "text" text NOT NULL, "given_on" date NOT NULL, "given_by" uuid, "response" text, "responded_on" date, "responded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_advice_response" CHECK ((response IS NULL) = (responded_on IS NULL)), CONSTRAINT "pk_advice" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_advice_agreement" ON "advice"  ("agreement_id") `);
    await queryRunner.query(
      `CREATE TABLE "finding" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality" text NOT NULL, "round_id" uuid, "text" text NOT NULL, "translations" jsonb NOT NULL DEFAULT '{}', "quotes" jsonb NOT NULL, "response" text NOT NULL DEFAULT '', "response_translations" jsonb NOT NULL DEFAULT '{}', "outcome" text NOT NULL DEFAULT 'in_behandeling', "state" text NOT NULL DEFAULT 'draft', "published_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_finding_published_at" CHECK ((state = 'published') = (published_at IS NOT NULL)), CONSTRAINT "ck_finding_outcome" CHECK (outcome IN ('in_behandeling', 'overgenomen', 'deels_overgenomen', 'niet_overgenomen')), CONSTRAINT "ck_finding_state" CHECK (state IN ('draft', 'published')), CONSTRAINT "pk_finding" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_finding_municipality" ON "finding"  ("municipality") `);
    await queryRunner.query(
      `CREATE TABLE "finding_agreement" ("finding_id" uuid NOT NULL, "agreement_id" uuid NOT NULL, CONSTRAINT "pk_finding_agreement" PRIMARY KEY ("finding_id", "agreement_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_finding_agreement_agreement" ON "finding_agreement"  ("agreement_id") `);
    await queryRunner.query(
      `CREATE TABLE "finding_event" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "finding_id" uuid NOT NULL, "kind" text NOT NULL, "outcome" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_finding_event_kind" CHECK (kind IN ('published', 'outcome', 'response')), CONSTRAINT "pk_finding_event" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_finding_event_finding" ON "finding_event"  ("finding_id", "id") `);
    await queryRunner.query(
      `ALTER TABLE "agreement" ADD CONSTRAINT "fk_agreement_theme" FOREIGN KEY ("theme_id") REFERENCES "woonvisie_theme"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_event" ADD CONSTRAINT "fk_agreement_event_agreement" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "advice" ADD CONSTRAINT "fk_advice_agreement" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "finding_agreement" ADD CONSTRAINT "fk_finding_agreement_finding" FOREIGN KEY ("finding_id") REFERENCES "finding"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "finding_agreement" ADD CONSTRAINT "fk_finding_agreement_agreement" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "finding_event" ADD CONSTRAINT "fk_finding_event_finding" FOREIGN KEY ("finding_id") REFERENCES "finding"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "finding_event"`);
    await queryRunner.query(`DROP TABLE "finding_agreement"`);
    await queryRunner.query(`DROP TABLE "finding"`);
    await queryRunner.query(`DROP TABLE "advice"`);
    await queryRunner.query(`DROP TABLE "agreement_event"`);
    await queryRunner.query(`DROP TABLE "agreement"`);
    await queryRunner.query(`DROP TABLE "woonvisie_theme"`);
  }
}
