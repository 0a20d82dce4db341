-- Issue 15 point 4: seasons and episodes of a series, licensed season by season. A grant may name
-- seasons (empty = every season, including later ones); each grant slice carries the seasons it
-- covers as an inclusive range [season_from, season_to] (season_to NULL = no end), and the
-- exclusion constraint gains that range as a dimension: an exclusive grant of season 2 blocks an
-- exclusive grant of the whole series in the same cells, but not one of season 3. Statement lines
-- may name the season their revenue is for.

-- CreateTable
CREATE TABLE "season" (
    "id" UUID NOT NULL,
    "title_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title_en" VARCHAR(300) NOT NULL,
    "title_zh" VARCHAR(300),
    "release_date" DATE,
    "eidr" VARCHAR(34),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "season_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "episode" (
    "id" UUID NOT NULL,
    "season_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title_en" VARCHAR(300) NOT NULL,
    "title_zh" VARCHAR(300),
    "runtime_minutes" INTEGER,
    "release_date" DATE,
    "eidr" VARCHAR(34),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "episode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "season_title_id_number_key" ON "season"("title_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "episode_season_id_number_key" ON "episode"("season_id", "number");

-- AddForeignKey
ALTER TABLE "season" ADD CONSTRAINT "season_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "title"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "episode" ADD CONSTRAINT "episode_season_id_fkey" FOREIGN KEY ("season_id") REFERENCES "season"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "grant" ADD COLUMN "seasons" INTEGER[] DEFAULT ARRAY[]::integer[];
UPDATE "grant" SET "seasons" = ARRAY[]::integer[] WHERE "seasons" IS NULL;

-- AlterTable
ALTER TABLE "grant_slice" ADD COLUMN "season_from" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "season_to" INTEGER;

-- AlterTable
ALTER TABLE "statement_line" ADD COLUMN "season" INTEGER;

-- ---- Beyond Prisma's schema language (declared in tests/integration/schema.test.ts) -----------

ALTER TABLE "season" ADD CONSTRAINT "season_number_positive" CHECK ("number" >= 1);
ALTER TABLE "episode" ADD CONSTRAINT "episode_number_positive" CHECK ("number" >= 1);
ALTER TABLE "grant_slice" ADD CONSTRAINT "grant_slice_seasons_order"
    CHECK ("season_from" >= 1 AND ("season_to" IS NULL OR "season_to" >= "season_from"));

-- The no-double-selling constraint with seasons: two slices conflict when they share title,
-- country and leaf media, their inclusive windows overlap, their lanes overlap (exclusive rows
-- take every lane) and their season ranges overlap. Existing rows cover [1, ∞): the whole series,
-- as before, so nothing that was refused becomes allowed.
ALTER TABLE "grant_slice" DROP CONSTRAINT "grant_slice_no_double_grant";
ALTER TABLE "grant_slice" ADD CONSTRAINT "grant_slice_no_double_grant" EXCLUDE USING gist (
    "title_id" WITH =,
    "country" WITH =,
    "media" WITH =,
    daterange("start", "end", '[]') WITH &&,
    (CASE WHEN "exclusive" THEN '(,)'::int8range ELSE int8range("lane", "lane", '[]') END) WITH &&,
    int4range("season_from", "season_to", '[]') WITH &&
);
