-- Issue 17 point 5: "Title A–Z" in the viewer's language. English titles sort case-insensitively
-- alphabetically, Chinese titles by pinyin (CLDR collations through ICU, numbers by value: the
-- collations of lib/i18n/collate.ts in the browser). A title without a name in the language sorts
-- by its original title. The indexes serve the catalogue's keyset pages: a studio's own titles and
-- the marketplace of listed, unarchived titles.
CREATE COLLATION IF NOT EXISTS "title_name_en" (provider = icu, locale = 'en-u-kn-true');
CREATE COLLATION IF NOT EXISTS "title_name_zh" (provider = icu, locale = 'zh-u-co-pinyin-kn-true');

CREATE INDEX "title_studio_name_en_idx" ON "title" ("studio_id", (COALESCE("title_en", "original_title") COLLATE "title_name_en"), "id");
CREATE INDEX "title_studio_name_zh_idx" ON "title" ("studio_id", (COALESCE("title_zh", "original_title") COLLATE "title_name_zh"), "id");
CREATE INDEX "title_listed_name_en_idx" ON "title" ((COALESCE("title_en", "original_title") COLLATE "title_name_en"), "id")
  WHERE "visibility" = 'LISTED' AND "archived_at" IS NULL;
CREATE INDEX "title_listed_name_zh_idx" ON "title" ((COALESCE("title_zh", "original_title") COLLATE "title_name_zh"), "id")
  WHERE "visibility" = 'LISTED' AND "archived_at" IS NULL;
