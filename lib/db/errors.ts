/**
 * Postgres SQLSTATE of an error thrown through Prisma's driver adapter. A raw query's failure
 * arrives as P2010 with the database error somewhere beneath (meta, cause); look everywhere
 * rather than depend on one Prisma version's nesting.
 */
export function sqlState(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== "object" || depth > 5) return undefined;
  const e = error as Record<string, unknown>;
  for (const key of ["code", "originalCode"]) {
    const value = e[key];
    if (typeof value === "string" && /^[0-9A-Z]{5}$/.test(value) && !value.startsWith("P")) return value;
  }
  for (const key of ["meta", "cause", "driverAdapterError", "kind"]) {
    const found = sqlState(e[key], depth + 1);
    if (found) return found;
  }
  const message = typeof e.message === "string" ? e.message : "";
  return /\b23P01\b|exclusion constraint/.test(message) ? "23P01" : undefined;
}

export const isExclusionViolation = (error: unknown) => sqlState(error) === "23P01";
