// `npm run audit:verify`: recomputes the audit log's hash chain and exits non-zero if any entry
// was edited, removed or inserted out of order.
import { verifyAuditChain } from "@/lib/audit/queries";
import { db } from "@/lib/db/client";

async function main(): Promise<number> {
  const result = await verifyAuditChain();
  if (result.ok) {
    console.log(`Audit chain intact: ${result.count} entries verified.`);
  } else {
    console.error(`Audit chain BROKEN: ${result.problems.length} problem(s) in ${result.count} entries.`);
    for (const p of result.problems.slice(0, 50)) console.error(`  entry ${p.id}: ${p.problem}`);
  }
  await db.$disconnect();
  return result.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
