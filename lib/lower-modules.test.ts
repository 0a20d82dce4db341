import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The lower-module rule (docs/ARCHITECTURE.md) is a Biome `noRestrictedImports` override in
 * biome.json. This proves it fires: the repository's biome.json lints a throw-away tree in which a
 * lower module imports a feature domain (refused), imports another lower module (allowed), and a
 * feature domain imports another one (allowed).
 */

const root = process.cwd();
const dir = mkdtempSync(path.join(tmpdir(), "lower-modules-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(relative: string, text: string) {
  mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
  writeFileSync(path.join(dir, relative), text);
}

async function restricted(): Promise<string[]> {
  cpSync(path.join(root, "biome.json"), path.join(dir, "biome.json"));
  const biome = path.join(root, "node_modules", ".bin", "biome");
  const { stdout, stderr } = await promisify(execFile)(biome, ["lint", "--max-diagnostics=100", "."], { cwd: dir }).catch(
    (error: { stdout: string; stderr: string }) => error,
  );
  const found = `${stdout}${stderr}`.matchAll(/^(\S+):\d+:\d+ lint\/style\/noRestrictedImports/gm);
  return [...found].map((m) => m[1]!.split(path.sep).join("/")).sort();
}

describe("lower modules never import feature domains (biome.json)", () => {
  it("refuses fx, files, money, db, api and dates importing a feature domain, and allows the rest", { timeout: 30_000 }, async () => {
    const use = (spec: string) => `import { x } from "${spec}";\nexport const y = x;\n`;
    file("lib/fx/rules.ts", use("@/lib/facility/rules"));
    file("lib/files/csv.ts", use("@/lib/outcomes/present"));
    file("lib/money/money.ts", use("../statements/rules"));
    file("lib/db/tx.ts", use("@/lib/deals/commands/sign"));
    file("lib/api/handler.ts", use("@/lib/edits/queries"));
    file("lib/dates.ts", use("@/lib/catalogue/schema"));
    file("lib/fx/queries.ts", use("@/lib/money/money"));
    file("lib/auth/gate.ts", use("@/lib/orgs/schema"));
    file("lib/statements/commands/receipts.ts", use("@/lib/facility/recoupment"));
    file("app/page.ts", use("@/lib/deals/queries"));
    expect(await restricted()).toEqual([
      "lib/api/handler.ts",
      "lib/dates.ts",
      "lib/db/tx.ts",
      "lib/files/csv.ts",
      "lib/fx/rules.ts",
      "lib/money/money.ts",
    ]);
  });
});
