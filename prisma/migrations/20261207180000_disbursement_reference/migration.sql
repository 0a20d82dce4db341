-- Disbursements record the bank's payment reference, the value date and the paying account
-- (issue 17, point 8). Nullable for the rows recorded before; the API and the dialog require them.

-- AlterTable
ALTER TABLE "disbursement" ADD COLUMN     "paying_account" VARCHAR(100),
ADD COLUMN     "payment_reference" VARCHAR(100),
ADD COLUMN     "value_date" DATE;
