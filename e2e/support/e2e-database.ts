/**
 * The e2e run's own database, for specs that check it from outside the app (e.g. `npm run
 * audit:verify`). e2e/global-setup.ts creates it under a random name and hands it to the Next
 * server; it is visible to specs only if global setup also publishes it as E2E_DATABASE_URL in
 * process.env, which the Playwright workers inherit (as they do E2E_BASE_URL).
 */
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

/** The e2e database's URL, or undefined when global setup does not publish it. */
export function e2eDatabaseUrl(): string | undefined {
  const url = process.env.E2E_DATABASE_URL;
  return url && url.trim() !== "" ? url : undefined;
}

export type ScriptRun = { code: number | null; output: string };

/**
 * Runs `scripts/audit-verify.ts` (what `npm run audit:verify` runs) against `databaseUrl` and
 * returns its exit code and combined output.
 */
export function runAuditVerify(databaseUrl: string): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "scripts/audit-verify.ts"],
      { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
}
