-- Issue 17 point 16: POST /api/v1/deals/{id}/receipts accepts an Idempotency-Key. A retry with the
-- same key and body returns the receipt recorded first; the key is unique per deal (NULLs, the
-- receipts recorded without a key, never collide).
ALTER TABLE "receipt" ADD COLUMN "idempotency_key" VARCHAR(255),
ADD COLUMN "request_hash" CHAR(64);

CREATE UNIQUE INDEX "receipt_deal_id_idempotency_key_key" ON "receipt"("deal_id", "idempotency_key");
