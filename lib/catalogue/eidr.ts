/**
 * EIDR identifiers: `10.5240/XXXX-XXXX-XXXX-XXXX-XXXX-C` — 20 hex digits and a check character
 * computed with ISO/IEC 7064 MOD 37,36 (hybrid system) over those 20 digits. No maintained npm
 * package implements it, and it is eight lines, so it lives here with tests against real IDs.
 */
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const SHAPE = /^10\.5240\/((?:[0-9A-F]{4}-){5})([0-9A-Z])$/;

export function mod3736CheckCharacter(payload: string): string {
  let p = 36;
  for (const char of payload) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) throw new Error(`not alphanumeric: ${char}`);
    const s = (p + value) % 36 || 36;
    p = (s * 2) % 37;
  }
  return ALPHABET[(37 - p) % 36]!;
}

export type EidrCheck = { ok: true; value: string } | { ok: false; problem: "FORMAT" | "CHECK_CHARACTER" };

/** Normalises case and surrounding space, then checks the shape and the check character. */
export function checkEidr(input: string): EidrCheck {
  const value = input.trim().toUpperCase();
  const match = SHAPE.exec(value);
  if (!match) return { ok: false, problem: "FORMAT" };
  const digits = match[1]!.replaceAll("-", "");
  return mod3736CheckCharacter(digits) === match[2] ? { ok: true, value } : { ok: false, problem: "CHECK_CHARACTER" };
}
