-- Catalogue: titles, awards, versions and their changes, market tests.

-- Trigram indexes make `q` (substring search over original, English and Chinese titles) fast at scale.
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "title_kind" AS ENUM ('FILM', 'SERIES', 'ANIMATION', 'GAME', 'FORMAT', 'MUSIC', 'PUBLISHING');

-- CreateEnum
CREATE TYPE "title_visibility" AS ENUM ('PRIVATE', 'LISTED');

-- CreateEnum
CREATE TYPE "version_kind" AS ENUM ('ORIGINAL', 'INTERNATIONAL');

-- CreateEnum
CREATE TYPE "version_status" AS ENUM ('PLANNED', 'IN_PRODUCTION', 'DELIVERED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "edit_category" AS ENUM ('ENDING', 'PLOT_STRUCTURE', 'CHARACTER_ARC', 'COMEDIC_TIMING', 'CULTURAL_REFERENCE', 'DIALOGUE', 'MUSIC', 'TITLE', 'RUNTIME', 'PACING', 'DUBBING', 'SUBTITLES', 'RATING_CUTS', 'CREDITS', 'ARTWORK');

-- CreateTable
CREATE TABLE "title" (
    "id" UUID NOT NULL,
    "studio_id" UUID NOT NULL,
    "kind" "title_kind" NOT NULL,
    "original_title" VARCHAR(300) NOT NULL,
    "title_en" VARCHAR(300),
    "title_zh" VARCHAR(300),
    "original_language" VARCHAR(35) NOT NULL,
    "genres" VARCHAR(40)[],
    "year" INTEGER NOT NULL,
    "runtime_minutes" INTEGER,
    "episode_count" INTEGER,
    "eidr" VARCHAR(34),
    "synopsis" TEXT,
    "visibility" "title_visibility" NOT NULL DEFAULT 'PRIVATE',
    "poster_file" VARCHAR(100),
    "poster_type" VARCHAR(50),
    "archived_at" TIMESTAMPTZ(3),
    "lock_version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "title_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "title_award" (
    "id" UUID NOT NULL,
    "title_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "festival" VARCHAR(200) NOT NULL,
    "section" VARCHAR(200),
    "award" VARCHAR(200) NOT NULL,
    "year" INTEGER NOT NULL,

    CONSTRAINT "title_award_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "version" (
    "id" UUID NOT NULL,
    "title_id" UUID NOT NULL,
    "kind" "version_kind" NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "derived_from_id" UUID,
    "territories" VARCHAR(20)[],
    "audio_languages" VARCHAR(35)[],
    "subtitle_languages" VARCHAR(35)[],
    "runtime_minutes" INTEGER,
    "status" "version_status" NOT NULL,
    "eidr_edit" VARCHAR(34),
    "lock_version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "version_change" (
    "id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "category" "edit_category" NOT NULL,
    "description" VARCHAR(2000) NOT NULL,

    CONSTRAINT "version_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "market_test" (
    "id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "territory" CHAR(2) NOT NULL,
    "date" DATE NOT NULL,
    "audience_size" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "method" VARCHAR(100) NOT NULL,
    "notes" VARCHAR(4000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "market_test_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "title_studio_id_original_title_idx" ON "title"("studio_id", "original_title");

-- CreateIndex
CREATE INDEX "title_visibility_original_title_idx" ON "title"("visibility", "original_title");

-- CreateIndex
CREATE INDEX "title_original_title_trgm_idx" ON "title" USING GIN ("original_title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "title_title_en_trgm_idx" ON "title" USING GIN ("title_en" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "title_title_zh_trgm_idx" ON "title" USING GIN ("title_zh" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "title_genres_idx" ON "title" USING GIN ("genres");

-- CreateIndex
CREATE UNIQUE INDEX "title_studio_id_eidr_key" ON "title"("studio_id", "eidr");

-- CreateIndex
CREATE INDEX "title_award_title_id_idx" ON "title_award"("title_id");

-- CreateIndex
CREATE INDEX "version_title_id_idx" ON "version"("title_id");

-- CreateIndex
CREATE INDEX "version_derived_from_id_idx" ON "version"("derived_from_id");

-- CreateIndex
CREATE INDEX "version_change_version_id_idx" ON "version_change"("version_id");

-- CreateIndex
CREATE INDEX "market_test_version_id_idx" ON "market_test"("version_id");

-- AddForeignKey
ALTER TABLE "title" ADD CONSTRAINT "title_studio_id_fkey" FOREIGN KEY ("studio_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "title_award" ADD CONSTRAINT "title_award_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "title"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "version" ADD CONSTRAINT "version_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "title"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "version" ADD CONSTRAINT "version_derived_from_id_fkey" FOREIGN KEY ("derived_from_id") REFERENCES "version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "version_change" ADD CONSTRAINT "version_change_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "market_test" ADD CONSTRAINT "market_test_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Beyond Prisma's schema language (listed in tests/integration/schema.test.ts as SQL-only):
-- every title has exactly one ORIGINAL version; scores are 0–100; counts are not negative.
CREATE UNIQUE INDEX "version_one_original_per_title" ON "version"("title_id") WHERE "kind" = 'ORIGINAL';
ALTER TABLE "market_test" ADD CONSTRAINT "market_test_score_range" CHECK ("score" BETWEEN 0 AND 100);
ALTER TABLE "market_test" ADD CONSTRAINT "market_test_audience_size_positive" CHECK ("audience_size" > 0);
