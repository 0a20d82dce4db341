/**
 * Whether `.next` holds a production build at least as new as the sources, so `npm start` and the
 * e2e harness rebuild only when needed. Compares modification times: cheap (a stat per file, no
 * hashing) and errs towards rebuilding.
 */
import fs from "node:fs";
import path from "node:path";

const SOURCE_PATHS = ["app", "components", "lib", "i18n", "messages", "styles", "public", "prisma/schema.prisma"];
/** Root files that change the build: configs, dependencies, proxy/instrumentation entry points. */
const ROOT_FILE = /\.(ts|tsx|js|mjs|cjs|json)$/;
/** Tooling that does not reach the bundle. */
const ROOT_IGNORED = /^(next-env\.d\.ts|(playwright|vitest|prisma)\.config\.\w+|biome\.jsonc?)$/;
/** Tests, dotfiles, and the client that every `prisma generate` rewrites (its schema is watched). */
const IGNORED = [/\.(test|spec)\.tsx?$/, /^lib\/db\/generated(\/|$)/, /(^|\/)\./];

export function buildIsStale(root: string): { stale: boolean; reason: string } {
  let builtAt: number;
  try {
    builtAt = fs.statSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID")).mtimeMs;
  } catch {
    return { stale: true, reason: "no production build yet" };
  }
  const rootFiles = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isFile() && ROOT_FILE.test(e.name) && !ROOT_IGNORED.test(e.name))
    .map((e) => e.name);
  for (const rel of [...rootFiles, ...SOURCE_PATHS]) {
    const newer = findNewer(root, rel, builtAt);
    if (newer) return { stale: true, reason: `${newer} changed since the last build` };
  }
  return { stale: false, reason: "the build is up to date" };
}

/** First file or folder under `rel` modified after `since`, if any. */
function findNewer(root: string, rel: string, since: number): string | undefined {
  if (IGNORED.some((re) => re.test(rel))) return undefined;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path.join(root, rel));
  } catch {
    return undefined; // e.g. no messages/ folder
  }
  // A folder's own time changes when an entry is added or removed (a deleted page, too).
  if (stat.mtimeMs > since) return rel;
  if (!stat.isDirectory()) return undefined;
  for (const name of fs.readdirSync(path.join(root, rel))) {
    const found = findNewer(root, `${rel}/${name}`, since);
    if (found) return found;
  }
  return undefined;
}
