// `npm run audit:verify [-- --anchor FILE]`: recomputes the audit log's hash chain and exits
// non-zero if any entry was edited, removed or inserted out of order — and, with --anchor, if
// the chain no longer holds every head anchored in FILE (`npm run audit:anchor -- --file FILE`),
// which catches a log rebuilt from scratch.
import { verifyAnchors } from "@/lib/audit/anchor";
import { verifyAuditChain } from "@/lib/audit/queries";
import { db } from "@/lib/db/client";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const at = args.indexOf("--anchor");
  const anchorFile = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && !anchorFile) {
    console.error("Usage: npm run audit:verify [-- --anchor FILE]");
    return 2;
  }
  const result = await verifyAuditChain();
  let ok = result.ok;
  if (result.ok) {
    console.log(`Audit chain intact: ${result.count} entries verified.`);
  } else {
    console.error(`Audit chain BROKEN: ${result.problems.length} problem(s) in ${result.count} entries.`);
    for (const p of result.problems.slice(0, 50)) console.error(`  entry ${p.id}: ${p.problem}`);
  }
  if (anchorFile) {
    const anchored = await verifyAnchors(anchorFile);
    if (anchored.problems.length === 0) console.log(`Anchors held: ${anchored.anchors} anchored head(s) found in the chain.`);
    else {
      ok = false;
      console.error(`Audit chain does NOT hold ${anchored.problems.length} of ${anchored.anchors} anchored head(s):`);
      for (const p of anchored.problems.slice(0, 50))
        console.error(`  sequence ${p.sequence}: ${p.problem}${p.found ? ` (found ${p.found}, anchored ${p.hash})` : ""}`);
    }
  }
  await db.$disconnect();
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
