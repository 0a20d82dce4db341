-- Notification preferences (per person and kind), the items waiting for a person's daily digest,
-- and the digests sent: one per person per day (the unique key makes reruns send nothing).
CREATE TYPE "email_delivery" AS ENUM ('IMMEDIATE', 'DAILY_DIGEST', 'OFF');

CREATE TABLE "notification_preference" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" VARCHAR(50) NOT NULL,
    "email" "email_delivery" NOT NULL,
    "in_app" BOOLEAN NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_preference_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "notification_preference_user_id_kind_key" ON "notification_preference"("user_id", "kind");

ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "notification_digest" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "item_count" INTEGER NOT NULL DEFAULT 0,
    "email_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_digest_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "notification_digest_user_id_day_key" ON "notification_digest"("user_id", "day");

ALTER TABLE "notification_digest" ADD CONSTRAINT "notification_digest_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "notification_digest_item" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "kind" VARCHAR(100) NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "href" VARCHAR(500) NOT NULL,
    "digest_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_digest_item_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "notification_digest_item_user_id_digest_id_idx" ON "notification_digest_item"("user_id", "digest_id");
CREATE INDEX "notification_digest_item_digest_id_idx" ON "notification_digest_item"("digest_id");

ALTER TABLE "notification_digest_item" ADD CONSTRAINT "notification_digest_item_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notification_digest_item" ADD CONSTRAINT "notification_digest_item_org_id_fkey"
    FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notification_digest_item" ADD CONSTRAINT "notification_digest_item_digest_id_fkey"
    FOREIGN KEY ("digest_id") REFERENCES "notification_digest"("id") ON DELETE SET NULL ON UPDATE CASCADE;
