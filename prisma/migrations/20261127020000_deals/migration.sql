-- Deals, instalments, participants, grants, expanded grant slices, rights held.

-- btree_gist lets the exclusion constraint below compare uuid/text columns with = inside GiST.
CREATE EXTENSION IF NOT EXISTS "btree_gist";

-- CreateEnum
CREATE TYPE "deal_status" AS ENUM ('DRAFT', 'PROPOSED', 'SIGNED', 'EXPIRED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "instalment_trigger" AS ENUM ('SIGNATURE', 'DELIVERY', 'ACCEPTANCE', 'RELEASE', 'DATE');

-- CreateTable
CREATE TABLE "deal" (
    "id" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "licensor_id" UUID NOT NULL,
    "licensee_id" UUID NOT NULL,
    "drafter_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "deal_status" NOT NULL DEFAULT 'DRAFT',
    "mg_minor" BIGINT,
    "distribution_fee_pct" DECIMAL(7,4),
    "expense_cap_minor" BIGINT,
    "share_tiers" JSONB,
    "creator_participation_pct" DECIMAL(7,4),
    "awaiting_org_id" UUID,
    "proposed_at" TIMESTAMPTZ(3),
    "licensor_signed_at" TIMESTAMPTZ(3),
    "licensor_signed_by" UUID,
    "licensee_signed_at" TIMESTAMPTZ(3),
    "licensee_signed_by" UUID,
    "signed_at" TIMESTAMPTZ(3),
    "terminated_at" TIMESTAMPTZ(3),
    "termination_reason" VARCHAR(2000),
    "lock_version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "deal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deal_instalment" (
    "id" UUID NOT NULL,
    "deal_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "due_date" DATE,
    "trigger" "instalment_trigger" NOT NULL,

    CONSTRAINT "deal_instalment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deal_participant" (
    "id" UUID NOT NULL,
    "deal_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "role" VARCHAR(100) NOT NULL,
    "share" DECIMAL(12,4) NOT NULL,

    CONSTRAINT "deal_participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "grant" (
    "id" UUID NOT NULL,
    "deal_id" UUID NOT NULL,
    "title_id" UUID NOT NULL,
    "version_id" UUID,
    "territories" VARCHAR(20)[],
    "excluded_territories" VARCHAR(20)[],
    "media_rights" VARCHAR(20)[],
    "languages" VARCHAR(35)[],
    "start" DATE NOT NULL,
    "end" DATE NOT NULL,
    "exclusive" BOOLEAN NOT NULL,
    "edits_permitted" BOOLEAN NOT NULL DEFAULT false,
    "holdbacks" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "grant_slice" (
    "id" BIGSERIAL NOT NULL,
    "grant_id" UUID NOT NULL,
    "deal_id" UUID NOT NULL,
    "title_id" UUID NOT NULL,
    "country" CHAR(2) NOT NULL,
    "media" VARCHAR(20) NOT NULL,
    "start" DATE NOT NULL,
    "end" DATE NOT NULL,
    "exclusive" BOOLEAN NOT NULL,
    "holdback" BOOLEAN NOT NULL DEFAULT false,
    "lane" BIGINT NOT NULL,

    CONSTRAINT "grant_slice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rights_held" (
    "id" UUID NOT NULL,
    "title_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "territories" VARCHAR(20)[],
    "excluded_territories" VARCHAR(20)[],
    "media_rights" VARCHAR(20)[],
    "start" DATE NOT NULL,
    "end" DATE,
    "exclusive" BOOLEAN NOT NULL,

    CONSTRAINT "rights_held_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "deal_licensor_id_status_idx" ON "deal"("licensor_id", "status");

-- CreateIndex
CREATE INDEX "deal_licensee_id_status_idx" ON "deal"("licensee_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "deal_instalment_deal_id_position_key" ON "deal_instalment"("deal_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "deal_participant_deal_id_position_key" ON "deal_participant"("deal_id", "position");

-- CreateIndex
CREATE INDEX "grant_deal_id_idx" ON "grant"("deal_id");

-- CreateIndex
CREATE INDEX "grant_title_id_idx" ON "grant"("title_id");

-- CreateIndex
CREATE INDEX "grant_slice_deal_id_idx" ON "grant_slice"("deal_id");

-- CreateIndex
CREATE INDEX "grant_slice_title_id_country_media_idx" ON "grant_slice"("title_id", "country", "media");

-- CreateIndex
CREATE INDEX "rights_held_title_id_idx" ON "rights_held"("title_id");

-- AddForeignKey
ALTER TABLE "deal" ADD CONSTRAINT "deal_licensor_id_fkey" FOREIGN KEY ("licensor_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal" ADD CONSTRAINT "deal_licensee_id_fkey" FOREIGN KEY ("licensee_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal_instalment" ADD CONSTRAINT "deal_instalment_deal_id_fkey" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal_participant" ADD CONSTRAINT "deal_participant_deal_id_fkey" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grant" ADD CONSTRAINT "grant_deal_id_fkey" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grant" ADD CONSTRAINT "grant_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "title"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grant" ADD CONSTRAINT "grant_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grant_slice" ADD CONSTRAINT "grant_slice_grant_id_fkey" FOREIGN KEY ("grant_id") REFERENCES "grant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rights_held" ADD CONSTRAINT "rights_held_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "title"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---- Beyond Prisma's schema language (declared in tests/integration/schema.test.ts) -----------

-- No double-selling, in the database itself: two slices conflict when they share title, country
-- and leaf media, their inclusive windows overlap, and their lanes overlap. Exclusive slices take
-- every lane, non-exclusive slices one lane of their own, so two non-exclusive grants never
-- conflict while an exclusive grant conflicts with anything. However many signatures race, at
-- most one conflicting set of rows can commit (violations surface as SQLSTATE 23P01).
ALTER TABLE "grant_slice" ADD CONSTRAINT "grant_slice_no_double_grant" EXCLUDE USING gist (
    "title_id" WITH =,
    "country" WITH =,
    "media" WITH =,
    daterange("start", "end", '[]') WITH &&,
    (CASE WHEN "exclusive" THEN '(,)'::int8range ELSE int8range("lane", "lane", '[]') END) WITH &&
);

-- Lanes for non-exclusive grants: one number per grant at signature.
CREATE SEQUENCE "grant_lane_seq" AS BIGINT;

ALTER TABLE "grant" ADD CONSTRAINT "grant_window_order" CHECK ("start" <= "end");
ALTER TABLE "grant_slice" ADD CONSTRAINT "grant_slice_window_order" CHECK ("start" <= "end");
ALTER TABLE "deal" ADD CONSTRAINT "deal_distinct_parties" CHECK ("licensor_id" <> "licensee_id");
ALTER TABLE "deal_instalment" ADD CONSTRAINT "deal_instalment_positive" CHECK ("amount_minor" > 0);
