-- Export-outcome incentive programmes (issue 14): the PROGRAMME organisation kind, programmes,
-- applications with their frozen eligibility snapshot, and the append-only payout ledger.

-- AlterEnum (the new value is not used in this transaction, so ADD VALUE may run inside it)
ALTER TYPE "org_kind" ADD VALUE 'PROGRAMME';

-- CreateEnum
CREATE TYPE "programme_application_status" AS ENUM ('SUBMITTED', 'IN_REVIEW', 'AWARDED', 'DECLINED', 'PAID');

-- CreateEnum
CREATE TYPE "programme_ledger_kind" AS ENUM ('PAYOUT', 'CLAWBACK');

-- CreateTable
CREATE TABLE "programme" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "name_en" VARCHAR(200) NOT NULL,
    "name_zh" VARCHAR(200) NOT NULL,
    "description_en" VARCHAR(4000) NOT NULL,
    "description_zh" VARCHAR(4000) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "budget_minor" BIGINT NOT NULL,
    "opens_on" DATE NOT NULL,
    "closes_on" DATE NOT NULL,
    "lookback_months" INTEGER NOT NULL,
    "target_territories" VARCHAR(20)[],
    "criteria" JSONB NOT NULL,
    "receipts_match_pct" DECIMAL(7,4) NOT NULL,
    "per_version_bonus_minor" BIGINT NOT NULL,
    "per_market_test_bonus_minor" BIGINT NOT NULL,
    "cap_per_application_minor" BIGINT NOT NULL,
    "created_by_id" UUID,
    "lock_version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "programme_application" (
    "id" UUID NOT NULL,
    "programme_id" UUID NOT NULL,
    "studio_id" UUID NOT NULL,
    "status" "programme_application_status" NOT NULL DEFAULT 'SUBMITTED',
    "as_of" DATE NOT NULL,
    "snapshot" JSONB NOT NULL,
    "snapshot_hash" CHAR(64) NOT NULL,
    "requested_minor" BIGINT NOT NULL,
    "awarded_minor" BIGINT,
    "decision_note" VARCHAR(4000),
    "submitted_by_id" UUID,
    "reviewed_by_id" UUID,
    "reviewed_at" TIMESTAMPTZ(3),
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "paid_at" TIMESTAMPTZ(3),
    "lock_version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "programme_application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "programme_ledger_entry" (
    "id" BIGSERIAL NOT NULL,
    "programme_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "kind" "programme_ledger_kind" NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "idempotency_key" VARCHAR(255),
    "request_hash" CHAR(64),
    "reason" VARCHAR(4000),
    "created_by_id" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "programme_ledger_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "programme_org_id_idx" ON "programme"("org_id");

-- CreateIndex
CREATE INDEX "programme_opens_on_closes_on_idx" ON "programme"("opens_on", "closes_on");

-- CreateIndex
CREATE INDEX "programme_application_studio_id_idx" ON "programme_application"("studio_id");

-- CreateIndex
CREATE INDEX "programme_application_programme_id_status_idx" ON "programme_application"("programme_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "programme_application_programme_id_studio_id_key" ON "programme_application"("programme_id", "studio_id");

-- CreateIndex
CREATE INDEX "programme_ledger_entry_application_id_at_idx" ON "programme_ledger_entry"("application_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "programme_ledger_entry_programme_id_idempotency_key_key" ON "programme_ledger_entry"("programme_id", "idempotency_key");

-- AddForeignKey
ALTER TABLE "programme" ADD CONSTRAINT "programme_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme_application" ADD CONSTRAINT "programme_application_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme_application" ADD CONSTRAINT "programme_application_studio_id_fkey" FOREIGN KEY ("studio_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme_ledger_entry" ADD CONSTRAINT "programme_ledger_entry_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme_ledger_entry" ADD CONSTRAINT "programme_ledger_entry_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "programme_application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---- Beyond Prisma's schema language -----------------------------------------------------

-- The payout ledger is append-only: what was paid and clawed back are sums of it.
CREATE FUNCTION "programme_ledger_entry_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'programme_ledger_entry is append-only (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER "programme_ledger_entry_no_update" BEFORE UPDATE ON "programme_ledger_entry"
    FOR EACH ROW EXECUTE FUNCTION "programme_ledger_entry_is_append_only"();

CREATE TRIGGER "programme_ledger_entry_no_delete" BEFORE DELETE ON "programme_ledger_entry"
    FOR EACH ROW EXECUTE FUNCTION "programme_ledger_entry_is_append_only"();

ALTER TABLE "programme" ADD CONSTRAINT "programme_values_valid" CHECK ("budget_minor" >= 0 AND "per_version_bonus_minor" >= 0 AND "per_market_test_bonus_minor" >= 0 AND "cap_per_application_minor" >= 0 AND "receipts_match_pct" BETWEEN 0 AND 100 AND "lookback_months" BETWEEN 1 AND 36 AND "opens_on" <= "closes_on");
ALTER TABLE "programme_application" ADD CONSTRAINT "programme_application_amounts_valid" CHECK ("requested_minor" >= 0 AND ("awarded_minor" IS NULL OR ("awarded_minor" > 0 AND "awarded_minor" <= "requested_minor")));
ALTER TABLE "programme_ledger_entry" ADD CONSTRAINT "programme_ledger_entry_amount_positive" CHECK ("amount_minor" > 0);
