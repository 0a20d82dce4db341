import "server-only";
import type { Tx } from "@/lib/db/tx";
import type { Balances } from "./rules";

/**
 * Balances of advances as sums of their ledger, in SQL (never a stored number):
 * principal = Σ DISBURSEMENT − Σ principal parts of RECOUPMENT/WRITE_OFF,
 * fee = Σ FEE − Σ fee parts. DISBURSEMENT and FEE rows carry zero parts, so plain sums work.
 * Advances without entries are absent from the map (all zero).
 */
export async function ledgerBalances(tx: Tx, advanceIds: readonly string[]): Promise<Map<string, Balances>> {
  const result = new Map<string, Balances>();
  if (advanceIds.length === 0) return result;
  const rows = await tx.$queryRaw<{ advance_id: string; principal: bigint; fee: bigint }[]>`
    SELECT advance_id::text AS advance_id,
           (COALESCE(SUM(amount_minor) FILTER (WHERE kind = 'DISBURSEMENT'), 0) - COALESCE(SUM(principal_part_minor), 0))::bigint AS principal,
           (COALESCE(SUM(amount_minor) FILTER (WHERE kind = 'FEE'), 0) - COALESCE(SUM(fee_part_minor), 0))::bigint AS fee
      FROM ledger_entry
     WHERE advance_id = ANY(${[...advanceIds]}::uuid[])
     GROUP BY advance_id`;
  for (const r of rows) {
    const principal = BigInt(r.principal);
    const fee = BigInt(r.fee);
    result.set(r.advance_id, { principal, fee, owed: principal + fee });
  }
  return result;
}

export const zeroBalances = (): Balances => ({ principal: 0n, fee: 0n, owed: 0n });
