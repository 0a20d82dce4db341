import { describe, expect, it } from "vitest";
import { messages } from "@/messages";

const { en, zh } = messages;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** ICU argument names such as {name} or {count, plural, ...}; a translation must use the same ones. */
const args = (message: string) => [...new Set([...message.matchAll(/\{\s*(\w+)/g)].map((m) => m[1]))].sort();

describe("messages", () => {
  const english = flatten(en);
  const chinese = flatten(zh);

  it("has the same keys in English and Chinese", () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("uses the same placeholders in both languages and leaves nothing empty", () => {
    for (const [key, message] of english) {
      const translated = chinese.get(key) ?? "";
      expect(translated.trim(), key).not.toBe("");
      expect(args(translated), key).toEqual(args(message));
    }
  });
});
