import { type ClassValue, clsx } from "clsx";
import { twMerge } from "tailwind-merge";

/** Joins class names and lets later Tailwind utilities override earlier ones (so `className` props win). */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}

/**
 * Up to two initials for avatars; works for Latin names and CJK names (which have no spaces).
 * Only letters and digits count: "Cinema (Asia) Ltd." is "CL", not "C(" or "C.".
 */
export function initials(name: string): string {
  const parts = name
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ""))
    .filter(Boolean);
  if (parts.length === 0) return "?";
  if (parts.length === 1)
    return Array.from(parts[0] ?? "")
      .slice(0, 2)
      .join("")
      .toUpperCase();
  return `${Array.from(parts[0] ?? "")[0] ?? ""}${Array.from(parts[parts.length - 1] ?? "")[0] ?? ""}`.toUpperCase();
}
