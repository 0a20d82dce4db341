import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { loadDealWaterfall, type TermsRow } from "./waterfall";

type Db = Pick<Prisma.TransactionClient, "statement" | "receipt" | "dealInstalment">;

export type InstalmentBalance = {
  index: number;
  amountMinor: bigint;
  receivedMinor: bigint;
  openMinor: bigint;
  dueDate: Date | null;
  trigger: string | null;
};

export type DealBalance = {
  mgContractedMinor: bigint;
  mgReceivedMinor: bigint;
  overageDueMinor: bigint;
  overageReceivedMinor: bigint;
  instalments: InstalmentBalance[];
};

/**
 * What the licensee owes and the licensor has received on a deal. MG instalments are the deal's
 * (a deal with an MG but no instalments has one implicit instalment, index 0, of the whole MG);
 * overage due is the cumulative O after the latest counting statement.
 */
export async function loadBalance(db: Db, deal: TermsRow & { id: string }): Promise<DealBalance> {
  const [wf, instalments, received] = await Promise.all([
    loadDealWaterfall(db, deal),
    db.dealInstalment.findMany({ where: { dealId: deal.id }, orderBy: { position: "asc" } }),
    db.receipt.groupBy({ by: ["kind", "instalmentIndex"], where: { dealId: deal.id }, _sum: { amountMinor: true } }),
  ]);
  const sum = (kind: string, index?: number) =>
    received
      .filter((r) => r.kind === kind && (index === undefined || r.instalmentIndex === index))
      .reduce((a, r) => a + (r._sum.amountMinor ?? 0n), 0n);
  const plan =
    instalments.length > 0
      ? instalments.map((i) => ({ index: i.position, amountMinor: i.amountMinor, dueDate: i.dueDate, trigger: i.trigger as string | null }))
      : deal.mgMinor !== null && deal.mgMinor > 0n
        ? [{ index: 0, amountMinor: deal.mgMinor, dueDate: null, trigger: null }]
        : [];
  return {
    mgContractedMinor: deal.mgMinor ?? 0n,
    mgReceivedMinor: sum("MG_INSTALMENT"),
    overageDueMinor: wf.overageDueMinor,
    overageReceivedMinor: sum("OVERAGE"),
    instalments: plan.map((p) => {
      const got = sum("MG_INSTALMENT", p.index);
      return { ...p, receivedMinor: got, openMinor: p.amountMinor - got };
    }),
  };
}
