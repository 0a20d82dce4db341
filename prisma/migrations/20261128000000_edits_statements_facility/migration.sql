-- Localization edit rights (edit policies, requests, comments, attachments, notifications);
-- revenue statements, receipts and their creator shares, FX rates; the advance facility
-- (settings, advances, documents, disbursements, the append-only ledger).

-- CreateEnum
CREATE TYPE "edit_rule" AS ENUM ('LOCKED', 'APPROVAL_REQUIRED', 'PRE_APPROVED');

-- CreateEnum
CREATE TYPE "edit_request_status" AS ENUM ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'PARTIALLY_APPROVED', 'REJECTED', 'CHANGES_REQUESTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "edit_item_status" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "statement_status" AS ENUM ('SUBMITTED', 'ACCEPTED', 'DISPUTED');

-- CreateEnum
CREATE TYPE "revenue_type" AS ENUM ('LICENSE_FEE', 'BOX_OFFICE', 'STREAMING', 'ADVERTISING', 'MERCHANDISE', 'SOUNDTRACK', 'OTHER');

-- CreateEnum
CREATE TYPE "receipt_kind" AS ENUM ('MG_INSTALMENT', 'OVERAGE');

-- CreateEnum
CREATE TYPE "advance_status" AS ENUM ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'DECLINED', 'DISBURSED', 'REPAID', 'DEFAULTED', 'WRITTEN_OFF');

-- CreateEnum
CREATE TYPE "ledger_kind" AS ENUM ('DISBURSEMENT', 'FEE', 'RECOUPMENT', 'WRITE_OFF');

-- CreateTable
CREATE TABLE "edit_policy" (
    "id" UUID NOT NULL,
    "title_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "edit_policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "edit_policy_element" (
    "id" UUID NOT NULL,
    "policy_id" UUID NOT NULL,
    "category" "edit_category" NOT NULL,
    "rule" "edit_rule" NOT NULL,
    "max_pct" DECIMAL(7,4),
    "note" VARCHAR(2000),

    CONSTRAINT "edit_policy_element_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "edit_request" (
    "id" UUID NOT NULL,
    "title_id" UUID NOT NULL,
    "base_version_id" UUID NOT NULL,
    "partner_id" UUID NOT NULL,
    "studio_id" UUID NOT NULL,
    "deal_id" UUID,
    "name" VARCHAR(200) NOT NULL,
    "territories" VARCHAR(20)[],
    "status" "edit_request_status" NOT NULL DEFAULT 'DRAFT',
    "policy_id" UUID,
    "result_version_id" UUID,
    "changes_requested_note" VARCHAR(4000),
    "submitted_at" TIMESTAMPTZ(3),
    "decided_at" TIMESTAMPTZ(3),
    "withdrawn_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "lock_version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "edit_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "edit_request_item" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "category" "edit_category" NOT NULL,
    "description" VARCHAR(4000) NOT NULL,
    "rationale" VARCHAR(4000),
    "magnitude_pct" DECIMAL(7,4),
    "status" "edit_item_status" NOT NULL DEFAULT 'PENDING',
    "reason" VARCHAR(4000),
    "automatic" BOOLEAN NOT NULL DEFAULT false,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" UUID,

    CONSTRAINT "edit_request_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "edit_request_comment" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "author_id" UUID,
    "body" VARCHAR(4000) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "edit_request_comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "edit_request_attachment" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "uploaded_by_id" UUID,
    "file_name" VARCHAR(255) NOT NULL,
    "content_type" VARCHAR(100) NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "data" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "edit_request_attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "kind" VARCHAR(100) NOT NULL,
    "subject_type" VARCHAR(50) NOT NULL,
    "subject_id" UUID NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "href" VARCHAR(500) NOT NULL,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statement" (
    "id" UUID NOT NULL,
    "deal_id" UUID NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "statement_status" NOT NULL DEFAULT 'SUBMITTED',
    "counting" BOOLEAN NOT NULL DEFAULT true,
    "supersedes_id" UUID,
    "gross_minor" BIGINT NOT NULL,
    "expenses_minor" BIGINT NOT NULL DEFAULT 0,
    "line_count" INTEGER NOT NULL,
    "source" VARCHAR(10) NOT NULL,
    "dispute_reason" VARCHAR(4000),
    "submitted_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "statement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statement_line" (
    "id" UUID NOT NULL,
    "statement_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title_id" UUID NOT NULL,
    "territory" CHAR(2) NOT NULL,
    "media_right" VARCHAR(20) NOT NULL,
    "revenue_type" "revenue_type" NOT NULL,
    "gross_minor" BIGINT NOT NULL,

    CONSTRAINT "statement_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "receipt" (
    "id" UUID NOT NULL,
    "deal_id" UUID NOT NULL,
    "kind" "receipt_kind" NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "received_on" DATE NOT NULL,
    "instalment_index" INTEGER,
    "creators_total_minor" BIGINT NOT NULL,
    "facility_minor" BIGINT NOT NULL,
    "studio_minor" BIGINT NOT NULL,
    "recorded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "receipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "receipt_share" (
    "id" UUID NOT NULL,
    "receipt_id" UUID NOT NULL,
    "participant_id" UUID,
    "position" INTEGER NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "amount_minor" BIGINT NOT NULL,

    CONSTRAINT "receipt_share_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fx_rate" (
    "id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "base" CHAR(3) NOT NULL,
    "quote" CHAR(3) NOT NULL,
    "rate" DECIMAL(28,12) NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "fx_rate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "facility" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "capacity_minor" BIGINT NOT NULL,
    "advance_rate_pct" DECIMAL(7,4) NOT NULL,
    "max_per_deal_minor" BIGINT NOT NULL,
    "max_per_licensee_pct" DECIMAL(7,4) NOT NULL,
    "fee_pct" DECIMAL(7,4) NOT NULL,
    "sweep_pct" DECIMAL(7,4) NOT NULL DEFAULT 100,
    "lock_version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "facility_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "advance" (
    "id" UUID NOT NULL,
    "facility_id" UUID NOT NULL,
    "studio_id" UUID NOT NULL,
    "deal_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "approved_minor" BIGINT,
    "purpose" VARCHAR(4000) NOT NULL,
    "status" "advance_status" NOT NULL DEFAULT 'DRAFT',
    "conditions" VARCHAR(4000),
    "decline_reason" VARCHAR(4000),
    "default_reason" VARCHAR(4000),
    "decision_snapshot" JSONB,
    "submitted_at" TIMESTAMPTZ(3),
    "review_started_at" TIMESTAMPTZ(3),
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" UUID,
    "disbursed_at" TIMESTAMPTZ(3),
    "repaid_at" TIMESTAMPTZ(3),
    "defaulted_at" TIMESTAMPTZ(3),
    "written_off_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "lock_version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "advance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "advance_document" (
    "id" UUID NOT NULL,
    "advance_id" UUID NOT NULL,
    "uploaded_by_id" UUID,
    "file_name" VARCHAR(255) NOT NULL,
    "content_type" VARCHAR(100) NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "data" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "advance_document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disbursement" (
    "id" UUID NOT NULL,
    "facility_id" UUID NOT NULL,
    "advance_id" UUID NOT NULL,
    "idempotency_key" VARCHAR(255) NOT NULL,
    "request_hash" CHAR(64) NOT NULL,
    "principal_minor" BIGINT NOT NULL,
    "fee_minor" BIGINT NOT NULL,
    "disbursed_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "disbursement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_entry" (
    "id" BIGSERIAL NOT NULL,
    "facility_id" UUID NOT NULL,
    "advance_id" UUID NOT NULL,
    "kind" "ledger_kind" NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "fee_part_minor" BIGINT NOT NULL DEFAULT 0,
    "principal_part_minor" BIGINT NOT NULL DEFAULT 0,
    "disbursement_id" UUID,
    "receipt_id" UUID,
    "source_amount_minor" BIGINT,
    "source_currency" CHAR(3),
    "fx_rate" DECIMAL(28,12),
    "note" VARCHAR(4000),
    "created_by_id" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "edit_policy_title_id_version_key" ON "edit_policy"("title_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "edit_policy_element_policy_id_category_key" ON "edit_policy_element"("policy_id", "category");

-- CreateIndex
CREATE UNIQUE INDEX "edit_request_result_version_id_key" ON "edit_request"("result_version_id");

-- CreateIndex
CREATE INDEX "edit_request_partner_id_status_idx" ON "edit_request"("partner_id", "status");

-- CreateIndex
CREATE INDEX "edit_request_studio_id_status_idx" ON "edit_request"("studio_id", "status");

-- CreateIndex
CREATE INDEX "edit_request_title_id_idx" ON "edit_request"("title_id");

-- CreateIndex
CREATE INDEX "edit_request_deal_id_idx" ON "edit_request"("deal_id");

-- CreateIndex
CREATE UNIQUE INDEX "edit_request_item_request_id_position_key" ON "edit_request_item"("request_id", "position");

-- CreateIndex
CREATE INDEX "edit_request_comment_request_id_created_at_idx" ON "edit_request_comment"("request_id", "created_at");

-- CreateIndex
CREATE INDEX "edit_request_attachment_request_id_idx" ON "edit_request_attachment"("request_id");

-- CreateIndex
CREATE INDEX "notification_user_id_org_id_created_at_idx" ON "notification"("user_id", "org_id", "created_at");

-- CreateIndex
CREATE INDEX "notification_user_id_org_id_read_at_idx" ON "notification"("user_id", "org_id", "read_at");

-- CreateIndex
CREATE UNIQUE INDEX "statement_supersedes_id_key" ON "statement"("supersedes_id");

-- CreateIndex
CREATE INDEX "statement_deal_id_period_start_idx" ON "statement"("deal_id", "period_start");

-- CreateIndex
CREATE INDEX "statement_line_title_id_idx" ON "statement_line"("title_id");

-- CreateIndex
CREATE UNIQUE INDEX "statement_line_statement_id_position_key" ON "statement_line"("statement_id", "position");

-- CreateIndex
CREATE INDEX "receipt_deal_id_received_on_idx" ON "receipt"("deal_id", "received_on");

-- CreateIndex
CREATE INDEX "receipt_received_on_idx" ON "receipt"("received_on");

-- CreateIndex
CREATE INDEX "receipt_share_participant_id_idx" ON "receipt_share"("participant_id");

-- CreateIndex
CREATE UNIQUE INDEX "receipt_share_receipt_id_position_key" ON "receipt_share"("receipt_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "fx_rate_base_quote_date_key" ON "fx_rate"("base", "quote", "date");

-- CreateIndex
CREATE UNIQUE INDEX "facility_org_id_key" ON "facility"("org_id");

-- CreateIndex
CREATE INDEX "advance_facility_id_status_idx" ON "advance"("facility_id", "status");

-- CreateIndex
CREATE INDEX "advance_studio_id_status_idx" ON "advance"("studio_id", "status");

-- CreateIndex
CREATE INDEX "advance_deal_id_idx" ON "advance"("deal_id");

-- CreateIndex
CREATE INDEX "advance_document_advance_id_idx" ON "advance_document"("advance_id");

-- CreateIndex
CREATE UNIQUE INDEX "disbursement_advance_id_key" ON "disbursement"("advance_id");

-- CreateIndex
CREATE UNIQUE INDEX "disbursement_facility_id_idempotency_key_key" ON "disbursement"("facility_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "ledger_entry_advance_id_at_idx" ON "ledger_entry"("advance_id", "at");

-- CreateIndex
CREATE INDEX "ledger_entry_facility_id_kind_idx" ON "ledger_entry"("facility_id", "kind");

-- CreateIndex
CREATE INDEX "ledger_entry_receipt_id_idx" ON "ledger_entry"("receipt_id");

-- AddForeignKey
ALTER TABLE "edit_policy" ADD CONSTRAINT "edit_policy_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "title"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edit_policy_element" ADD CONSTRAINT "edit_policy_element_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "edit_policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edit_request" ADD CONSTRAINT "edit_request_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "title"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edit_request" ADD CONSTRAINT "edit_request_base_version_id_fkey" FOREIGN KEY ("base_version_id") REFERENCES "version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edit_request" ADD CONSTRAINT "edit_request_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edit_request" ADD CONSTRAINT "edit_request_studio_id_fkey" FOREIGN KEY ("studio_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edit_request" ADD CONSTRAINT "edit_request_deal_id_fkey" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edit_request" ADD CONSTRAINT "edit_request_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "edit_policy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edit_request" ADD CONSTRAINT "edit_request_result_version_id_fkey" FOREIGN KEY ("result_version_id") REFERENCES "version"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edit_request_item" ADD CONSTRAINT "edit_request_item_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "edit_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edit_request_comment" ADD CONSTRAINT "edit_request_comment_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "edit_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edit_request_comment" ADD CONSTRAINT "edit_request_comment_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edit_request_comment" ADD CONSTRAINT "edit_request_comment_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edit_request_attachment" ADD CONSTRAINT "edit_request_attachment_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "edit_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement" ADD CONSTRAINT "statement_deal_id_fkey" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement" ADD CONSTRAINT "statement_supersedes_id_fkey" FOREIGN KEY ("supersedes_id") REFERENCES "statement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_line" ADD CONSTRAINT "statement_line_statement_id_fkey" FOREIGN KEY ("statement_id") REFERENCES "statement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_line" ADD CONSTRAINT "statement_line_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "title"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "receipt" ADD CONSTRAINT "receipt_deal_id_fkey" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "receipt_share" ADD CONSTRAINT "receipt_share_receipt_id_fkey" FOREIGN KEY ("receipt_id") REFERENCES "receipt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "receipt_share" ADD CONSTRAINT "receipt_share_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "deal_participant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "facility" ADD CONSTRAINT "facility_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "advance" ADD CONSTRAINT "advance_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "advance" ADD CONSTRAINT "advance_studio_id_fkey" FOREIGN KEY ("studio_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "advance" ADD CONSTRAINT "advance_deal_id_fkey" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "advance_document" ADD CONSTRAINT "advance_document_advance_id_fkey" FOREIGN KEY ("advance_id") REFERENCES "advance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disbursement" ADD CONSTRAINT "disbursement_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disbursement" ADD CONSTRAINT "disbursement_advance_id_fkey" FOREIGN KEY ("advance_id") REFERENCES "advance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_advance_id_fkey" FOREIGN KEY ("advance_id") REFERENCES "advance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_disbursement_id_fkey" FOREIGN KEY ("disbursement_id") REFERENCES "disbursement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_receipt_id_fkey" FOREIGN KEY ("receipt_id") REFERENCES "receipt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---- Beyond Prisma's schema language (declared in tests/integration/schema.test.ts) -----------

-- Counting statements of a deal never overlap in period (inclusive dates), whatever races.
ALTER TABLE "statement" ADD CONSTRAINT "statement_counting_periods_disjoint" EXCLUDE USING gist (
    "deal_id" WITH =,
    daterange("period_start", "period_end", '[]') WITH &&
) WHERE ("counting");

-- The ledger is append-only: balances are sums of it, so rows are never changed or removed.
CREATE FUNCTION "ledger_entry_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger_entry is append-only (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER "ledger_entry_no_update" BEFORE UPDATE ON "ledger_entry"
    FOR EACH ROW EXECUTE FUNCTION "ledger_entry_is_append_only"();

CREATE TRIGGER "ledger_entry_no_delete" BEFORE DELETE ON "ledger_entry"
    FOR EACH ROW EXECUTE FUNCTION "ledger_entry_is_append_only"();

ALTER TABLE "edit_policy_element" ADD CONSTRAINT "edit_policy_element_max_pct_range" CHECK ("max_pct" IS NULL OR ("max_pct" >= 0 AND "max_pct" <= 100));
ALTER TABLE "edit_request_item" ADD CONSTRAINT "edit_request_item_magnitude_range" CHECK ("magnitude_pct" IS NULL OR ("magnitude_pct" >= 0 AND "magnitude_pct" <= 100));
ALTER TABLE "statement" ADD CONSTRAINT "statement_period_order" CHECK ("period_start" <= "period_end");
ALTER TABLE "statement" ADD CONSTRAINT "statement_amounts_non_negative" CHECK ("gross_minor" >= 0 AND "expenses_minor" >= 0);
ALTER TABLE "statement_line" ADD CONSTRAINT "statement_line_gross_non_negative" CHECK ("gross_minor" >= 0);
ALTER TABLE "receipt" ADD CONSTRAINT "receipt_split_sums" CHECK ("amount_minor" > 0 AND "creators_total_minor" >= 0 AND "facility_minor" >= 0 AND "studio_minor" >= 0 AND "creators_total_minor" + "facility_minor" + "studio_minor" = "amount_minor");
ALTER TABLE "fx_rate" ADD CONSTRAINT "fx_rate_positive" CHECK ("rate" > 0 AND "base" <> "quote");
ALTER TABLE "facility" ADD CONSTRAINT "facility_limits_valid" CHECK ("capacity_minor" >= 0 AND "max_per_deal_minor" >= 0 AND "advance_rate_pct" BETWEEN 0 AND 100 AND "max_per_licensee_pct" BETWEEN 0 AND 100 AND "fee_pct" BETWEEN 0 AND 100 AND "sweep_pct" BETWEEN 0 AND 100);
ALTER TABLE "advance" ADD CONSTRAINT "advance_amounts_positive" CHECK ("amount_minor" > 0 AND ("approved_minor" IS NULL OR "approved_minor" > 0));
ALTER TABLE "disbursement" ADD CONSTRAINT "disbursement_amounts_valid" CHECK ("principal_minor" > 0 AND "fee_minor" >= 0);
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_amounts_valid" CHECK ("amount_minor" > 0 AND "fee_part_minor" >= 0 AND "principal_part_minor" >= 0);
