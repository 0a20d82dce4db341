-- Statement lines keep only the indexes that queries use: the primary key and
-- (statement_id, position) (pages of a statement's lines, its sums, the cascade from statement).
-- Nothing looks lines up by title; titles are archived, never deleted, so the RESTRICT foreign key
-- to title needs no index of its own. One index less to write for every line submitted.
DROP INDEX IF EXISTS "statement_line_title_id_idx";
