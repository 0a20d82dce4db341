/** Client-safe shapes of the reference lists the server hands to the deal and avails pickers. */

export type TerritoryOption = { code: string; type: "COUNTRY" | "REGION" | "GROUP"; name: string; count?: number };
export type MediaOption = { code: string; name: string; children: { code: string; name: string }[] };
export type LanguageOption = { code: string; name: string; suggested: boolean };
export type NameMaps = { territories: Record<string, string>; media: Record<string, string> };

/** The leaves a parent covers (a childless parent such as THEATRICAL is its own leaf). */
export function leavesOf(parent: MediaOption): string[] {
  return parent.children.length > 0 ? parent.children.map((c) => c.code) : [parent.code];
}

/** Every leaf the codes cover, given the tree. */
export function expandMedia(tree: MediaOption[], codes: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const p of tree) {
    const leaves = leavesOf(p);
    if (codes.includes(p.code)) for (const l of leaves) out.add(l);
    else for (const l of leaves) if (codes.includes(l)) out.add(l);
  }
  return out;
}

/**
 * Normalises a set of chosen leaves back to codes: a parent whose leaves are all chosen is sent
 * as the parent ("DIGITAL", not its four children), which is how people read and write grants.
 */
export function compactMedia(tree: MediaOption[], leaves: Set<string>): string[] {
  const out: string[] = [];
  for (const p of tree) {
    const ls = leavesOf(p);
    const chosen = ls.filter((l) => leaves.has(l));
    if (chosen.length === ls.length) out.push(p.code);
    else out.push(...chosen);
  }
  return out;
}

/** Toggles a parent (all its leaves) or one leaf, returning the compacted codes. */
export function toggleMedia(tree: MediaOption[], codes: readonly string[], code: string): string[] {
  const leaves = expandMedia(tree, codes);
  const parent = tree.find((p) => p.code === code);
  if (parent) {
    const ls = leavesOf(parent);
    const all = ls.every((l) => leaves.has(l));
    for (const l of ls) {
      if (all) leaves.delete(l);
      else leaves.add(l);
    }
  } else if (leaves.has(code)) leaves.delete(code);
  else leaves.add(code);
  return compactMedia(tree, leaves);
}
