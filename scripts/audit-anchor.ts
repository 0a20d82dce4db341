// `npm run audit:anchor [-- --file FILE]`: prints the audit chain's head (sequence and hash) as
// JSON and, with --file, appends it as a line to FILE — keep that file where the database's
// owners cannot rewrite it. `npm run audit:verify -- --anchor FILE` checks the chain against it.
import { anchorAuditChain } from "@/lib/audit/anchor";
import { db } from "@/lib/db/client";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const at = args.indexOf("--file");
  const file = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && !file) {
    console.error("Usage: npm run audit:anchor [-- --file FILE]");
    return 2;
  }
  const anchor = await anchorAuditChain(file);
  console.log(JSON.stringify(anchor));
  await db.$disconnect();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
