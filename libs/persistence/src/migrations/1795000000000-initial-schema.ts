import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The first schema: staff, themes, evenings, registrations, dilemmas, participants, cards, votes, manual counts, audit. */
export class InitialSchema1795000000000 implements MigrationInterface {
  name = 'InitialSchema1795000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "action" text NOT NULL, "target_type" text NOT NULL, "target_id" text, "details" jsonb NOT NULL, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_audit_log_at" ON "audit_log"  ("at") `);
    await queryRunner.query(
      `CREATE TABLE "evening" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "municipality" text NOT NULL, "venue" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "capacity" integer, "join_mode" text NOT NULL DEFAULT 'open', "status" text NOT NULL DEFAULT 'draft', "join_code" character(6) NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_evening_join_code" CHECK (join_code ~ '^[A-HJKMNP-Z2-9]{6}$'), CONSTRAINT "ck_evening_capacity" CHECK (capacity IS NULL OR capacity > 0), CONSTRAINT "ck_evening_join_mode" CHECK (join_mode IN ('open', 'cards')), CONSTRAINT "ck_evening_status" CHECK (status IN ('draft', 'published', 'live', 'ended')), CONSTRAINT "PK_14afcb1cd5a6205fb7598c47912" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "checkin_card" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "evening_id" uuid NOT NULL, "code" text NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c41db3e2bad4ecda6d2f6a3738e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_checkin_card_evening" ON "checkin_card"  ("evening_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_checkin_card_code" ON "checkin_card"  ("code") `);
    await queryRunner.query(
      `CREATE TABLE "theme" ("slug" text NOT NULL, "position" integer NOT NULL, "name_nl" text NOT NULL, "name_fy" text NOT NULL, "name_en" text NOT NULL, "description_nl" text NOT NULL, "description_fy" text NOT NULL, "description_en" text NOT NULL, CONSTRAINT "PK_36551e08e2fc4b5b68b48b4ef97" PRIMARY KEY ("slug"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "dilemma" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "evening_id" uuid NOT NULL, "position" integer NOT NULL, "theme" text NOT NULL, "question" text NOT NULL, "description" text, "kind" text NOT NULL, "max_choices" integer, "budget" integer, "status" text NOT NULL DEFAULT 'draft', "round" integer NOT NULL DEFAULT '1', "revealed" boolean NOT NULL DEFAULT false, "link_key" text, "touched_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_dilemma_evening_position" UNIQUE ("evening_id", "position"), CONSTRAINT "ck_dilemma_max_choices" CHECK (max_choices IS NULL OR max_choices >= 1), CONSTRAINT "ck_dilemma_budget" CHECK ((kind = 'budget') = (budget IS NOT NULL)), CONSTRAINT "ck_dilemma_round" CHECK (round >= 1), CONSTRAINT "ck_dilemma_status" CHECK (status IN ('draft', 'open', 'closed')), CONSTRAINT "ck_dilemma_kind" CHECK (kind IN ('choice', 'multi', 'budget', 'scale')), CONSTRAINT "PK_205b7fc70856ecc974b036a4c7d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "dilemma_option" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dilemma_id" uuid NOT NULL, "position" integer NOT NULL, "label" text NOT NULL, "consequence" text, CONSTRAINT "uq_dilemma_option_position" UNIQUE ("dilemma_id", "position"), CONSTRAINT "PK_bde4b3c4a7ef32a2f59813a1d41" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "manual_count" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dilemma_id" uuid NOT NULL, "round" integer NOT NULL, "counts" jsonb NOT NULL, "note" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_manual_count_round" CHECK (round >= 1), CONSTRAINT "PK_d5997f3f80e58456740d358f46f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_manual_count_dilemma_round" ON "manual_count"  ("dilemma_id", "round") `);
    await queryRunner.query(
      `CREATE TABLE "participant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "evening_id" uuid NOT NULL, "group" text, "municipality" text, "age_band" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_participant_group" CHECK ("group" IS NULL OR "group" IN ('tenant', 'tenant_org', 'stakeholder')), CONSTRAINT "PK_64da4237f502041781ca15d4c41" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_participant_evening" ON "participant"  ("evening_id") `);
    await queryRunner.query(
      `CREATE TABLE "registration" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "evening_id" uuid NOT NULL, "name" text NOT NULL, "email" text, "group" text NOT NULL, "municipality" text, "consent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_registration_group" CHECK ("group" IN ('tenant', 'tenant_org', 'stakeholder')), CONSTRAINT "PK_cb23dc9d28df8801b15e9e2b8d6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_registration_evening" ON "registration"  ("evening_id") `);
    await queryRunner.query(
      `CREATE TABLE "staff_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "role" text NOT NULL, "password_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_staff_user_role" CHECK (role IN ('admin', 'facilitator', 'analyst')), CONSTRAINT "PK_cec9365d9fc3a3409158b645f2e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "vote" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participant_id" uuid NOT NULL, "dilemma_id" uuid NOT NULL, "round" integer NOT NULL, "choice" jsonb NOT NULL, "client_vote_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_vote_participant_dilemma_round" UNIQUE ("participant_id", "dilemma_id", "round"), CONSTRAINT "ck_vote_round" CHECK (round >= 1), CONSTRAINT "PK_2d5932d46afe39c8176f9d4be72" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_vote_dilemma_round" ON "vote"  ("dilemma_id", "round") `);
    await queryRunner.query(
      `ALTER TABLE "checkin_card" ADD CONSTRAINT "fk_checkin_card_evening" FOREIGN KEY ("evening_id") REFERENCES "evening"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dilemma" ADD CONSTRAINT "fk_dilemma_evening" FOREIGN KEY ("evening_id") REFERENCES "evening"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dilemma" ADD CONSTRAINT "fk_dilemma_theme" FOREIGN KEY ("theme") REFERENCES "theme"("slug") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dilemma_option" ADD CONSTRAINT "fk_dilemma_option_dilemma" FOREIGN KEY ("dilemma_id") REFERENCES "dilemma"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_count" ADD CONSTRAINT "fk_manual_count_dilemma" FOREIGN KEY ("dilemma_id") REFERENCES "dilemma"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participant" ADD CONSTRAINT "fk_participant_evening" FOREIGN KEY ("evening_id") REFERENCES "evening"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "registration" ADD CONSTRAINT "fk_registration_evening" FOREIGN KEY ("evening_id") REFERENCES "evening"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vote" ADD CONSTRAINT "fk_vote_participant" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vote" ADD CONSTRAINT "fk_vote_dilemma" FOREIGN KEY ("dilemma_id") REFERENCES "dilemma"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_staff_user_email" ON "staff_user" (lower("email"))`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_evening_join_code_not_ended" ON "evening" ("join_code") WHERE "status" <> 'ended'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_dilemma_one_open_per_evening" ON "dilemma" ("evening_id") WHERE "status" = 'open'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "vote"`);
    await queryRunner.query(`DROP TABLE "manual_count"`);
    await queryRunner.query(`DROP TABLE "dilemma_option"`);
    await queryRunner.query(`DROP TABLE "dilemma"`);
    await queryRunner.query(`DROP TABLE "checkin_card"`);
    await queryRunner.query(`DROP TABLE "participant"`);
    await queryRunner.query(`DROP TABLE "registration"`);
    await queryRunner.query(`DROP TABLE "evening"`);
    await queryRunner.query(`DROP TABLE "theme"`);
    await queryRunner.query(`DROP TABLE "staff_user"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
