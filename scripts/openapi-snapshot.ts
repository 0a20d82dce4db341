/**
 * `npm run openapi:snapshot`: writes the OpenAPI document that GET /api/v1/openapi.json serves to
 * tests/fixtures/openapi.json (pretty-printed, keys in the served order), which
 * lib/openapi.test.ts holds the served document to, byte for byte. Run it when a change to
 * the API is meant, and commit the fixture with that change.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { buildOpenApiDocument } from "../lib/openapi";

async function main(): Promise<void> {
  const file = path.join(process.cwd(), "tests", "fixtures", "openapi.json");
  await writeFile(file, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
