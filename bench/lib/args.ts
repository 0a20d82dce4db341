/** Command-line options of the benches: `--name value` or `--name=value`, and `--flag`. */
import { parseArgs } from "node:util";

export type BenchOptionSpec = Record<string, { type: "int"; default: number; min?: number } | { type: "flag" }>;
export type BenchOptions<S extends BenchOptionSpec> = { [K in keyof S]: S[K] extends { type: "int" } ? number : boolean };

/** Parses process.argv against `spec`; unknown options or bad numbers exit with a usage line. */
export function benchOptions<S extends BenchOptionSpec>(spec: S, argv = process.argv.slice(2)): BenchOptions<S> {
  const usage = `options: ${Object.entries(spec)
    .map(([name, o]) => (o.type === "int" ? `--${name} N (default ${o.default})` : `--${name}`))
    .join(", ")}`;
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: Object.fromEntries(Object.entries(spec).map(([name, o]) => [name, { type: o.type === "int" ? "string" : "boolean" }])),
      strict: true,
      allowPositionals: false,
    }) as { values: Record<string, string | boolean | undefined> });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
  const out: Record<string, number | boolean> = {};
  for (const [name, o] of Object.entries(spec)) {
    const raw = values[name];
    if (o.type === "flag") {
      out[name] = raw === true;
      continue;
    }
    const n = raw === undefined ? o.default : Number(raw);
    if (!Number.isInteger(n) || n < (o.min ?? 0)) {
      console.error(`--${name} must be a whole number${o.min !== undefined ? ` ≥ ${o.min}` : ""}, got “${String(raw)}”\n${usage}`);
      process.exit(2);
    }
    out[name] = n;
  }
  return out as BenchOptions<S>;
}
