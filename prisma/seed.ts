import { pathToFileURL } from "node:url";
import { seedCatalogue } from "@/lib/catalogue/seed";
import { db } from "@/lib/db/client";
import { seedDeals } from "@/lib/deals/seed";
import { seedEdits } from "@/lib/edits/seed";
import { seedFacility } from "@/lib/facility/seed";
import { seedOrganizations } from "@/lib/orgs/seed";
import { seedProgrammes } from "@/lib/programmes/seed";
import { seedStatements } from "@/lib/statements/seed";

/**
 * `npm run db:seed` and `npm start`'s first start: idempotent demo data, each domain's seed in
 * order (every record is looked up by its natural key first and created only when missing, so
 * running it again changes nothing). Records are dated over the past year by the demo clock of
 * `runAt` (lib/orgs/demo-clock.ts), so two runs on the same day write the same dates. Returns
 * whether anything was created.
 */
export async function seed(runAt: Date = new Date()): Promise<{ created: boolean }> {
  const organizations = await seedOrganizations();
  const catalogue = await seedCatalogue();
  // One run instant for the demo clock (lib/orgs/demo-clock.ts): the dates are a function of it.
  const deals = await seedDeals(runAt);
  const statements = await seedStatements(runAt);
  const edits = await seedEdits();
  const facility = await seedFacility(runAt);
  for (const s of facility.skipped) console.warn(`seed-facility: skipped ${s}`);
  const programmes = await seedProgrammes();
  for (const s of programmes.skipped) console.warn(`seed-programmes: skipped ${s}`);
  return {
    created:
      organizations.created ||
      catalogue.created ||
      deals.created ||
      statements.created ||
      edits.created ||
      facility.created ||
      programmes.created,
  };
}

// `npm run db:seed`
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  seed()
    .then(({ created }) => {
      console.log(created ? "Demo data created." : "Demo data already present; nothing changed.");
      return db.$disconnect();
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
