/** Serialisation helpers shared by route handlers: dates as ISO strings, nothing else changed. */
export const iso = (d: Date) => d.toISOString();
export const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
