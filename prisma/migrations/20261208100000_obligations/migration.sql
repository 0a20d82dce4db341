-- Obligations calendar, reminders and calendar feeds.
-- Reporting terms on the deal: how often the licensee reports, how many days after each period
-- the statement is due, and how many days after acceptance the overage is due.
CREATE TYPE "reporting_frequency" AS ENUM ('MONTHLY', 'QUARTERLY', 'SEMI_ANNUAL', 'ANNUAL');

ALTER TABLE "deal" ADD COLUMN "reporting_frequency" "reporting_frequency" NOT NULL DEFAULT 'QUARTERLY',
ADD COLUMN "reporting_due_days" INTEGER NOT NULL DEFAULT 45,
ADD COLUMN "payment_due_days" INTEGER NOT NULL DEFAULT 30;

ALTER TABLE "deal" ADD CONSTRAINT "deal_reporting_due_days_range" CHECK ("reporting_due_days" BETWEEN 1 AND 180),
ADD CONSTRAINT "deal_payment_due_days_range" CHECK ("payment_due_days" BETWEEN 0 AND 180);

-- The organisation's IANA time zone: reminders go out at 09:00 local time. NULL means the main
-- zone of the home country (lib/orgs/time-zone.ts), so every existing organisation has one.
ALTER TABLE "organization" ADD COLUMN "time_zone" VARCHAR(64);

-- One row per reminder sent: the unique key makes a second send of the same obligation, stage
-- and organisation impossible, whatever the number of workers or reruns.
CREATE TABLE "obligation_reminder" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "obligation_id" VARCHAR(200) NOT NULL,
    "stage" VARCHAR(20) NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "due_date" DATE NOT NULL,
    "local_date" DATE NOT NULL,
    "recipients" INTEGER NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "obligation_reminder_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "obligation_reminder_org_id_obligation_id_stage_key" ON "obligation_reminder"("org_id", "obligation_id", "stage");

ALTER TABLE "obligation_reminder" ADD CONSTRAINT "obligation_reminder_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Which organisations' reminder runs are done for a local day (the hourly job acts once a day).
CREATE TABLE "reminder_run" (
    "org_id" UUID NOT NULL,
    "local_date" DATE NOT NULL,
    "reminders" INTEGER NOT NULL,
    "finished_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reminder_run_pkey" PRIMARY KEY ("org_id", "local_date")
);

ALTER TABLE "reminder_run" ADD CONSTRAINT "reminder_run_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A person's private calendar feed for one organisation: only the SHA-256 of the token is kept.
CREATE TABLE "calendar_feed" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "calendar_feed_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "calendar_feed_token_hash_key" ON "calendar_feed"("token_hash");
CREATE INDEX "calendar_feed_user_id_org_id_idx" ON "calendar_feed"("user_id", "org_id");

ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
