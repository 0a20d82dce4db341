-- Amendments to signed deals and renewal options: an amendment is drafted by either party,
-- proposed, and signed by both; the second signature applies it to the deal in one transaction
-- (grants replaced, slices rewritten, the exclusion constraint deciding). What it changed is
-- frozen in "applied" so the deal's history reads the same forever.

-- CreateEnum
CREATE TYPE "amendment_status" AS ENUM ('DRAFT', 'PROPOSED', 'SIGNED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "deal_amendment" (
    "id" UUID NOT NULL,
    "deal_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "amendment_status" NOT NULL DEFAULT 'DRAFT',
    "effective_on" DATE NOT NULL,
    "note" VARCHAR(4000),
    "changes" JSONB NOT NULL,
    "renewal" BOOLEAN NOT NULL DEFAULT false,
    "created_by_org_id" UUID NOT NULL,
    "awaiting_org_id" UUID,
    "proposed_at" TIMESTAMPTZ(3),
    "licensor_signed_at" TIMESTAMPTZ(3),
    "licensor_signed_by" UUID,
    "licensee_signed_at" TIMESTAMPTZ(3),
    "licensee_signed_by" UUID,
    "signed_at" TIMESTAMPTZ(3),
    "withdrawn_at" TIMESTAMPTZ(3),
    "applied" JSONB,
    "lock_version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "deal_amendment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "deal_amendment_deal_id_number_key" ON "deal_amendment"("deal_id", "number");

-- AddForeignKey
ALTER TABLE "deal_amendment" ADD CONSTRAINT "deal_amendment_deal_id_fkey" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable: the renewal option term {noticeBy, extendsTo, mgIncreasePct}
ALTER TABLE "deal" ADD COLUMN "renewal_option" JSONB;

-- AlterTable: the waterfall terms a statement was accepted under (an amendment never re-prices it)
ALTER TABLE "statement" ADD COLUMN "accepted_terms" JSONB;
