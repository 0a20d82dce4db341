/**
 * Thousands separators as you type an amount: "1250000.5" → "1,250,000.5", the caret kept after
 * the same digit. Anything that is not a plain decimal (a minus sign, letters) is left as typed so
 * the field's rule can say what is wrong. Forms strip the separators before sending (cleanNumber).
 */
export function groupDigits(value: string, caret: number): { value: string; caret: number } {
  const plain = value.replace(/,/g, "");
  if (!/^\d*(\.\d*)?$/.test(plain)) return { value, caret };
  const before = value.slice(0, caret).replace(/,/g, "").length;
  const [whole = "", fraction] = plain.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (fraction === undefined ? "" : `.${fraction}`);
  let seen = 0;
  let at = 0;
  while (at < grouped.length && seen < before) {
    if (grouped[at] !== ",") seen += 1;
    at += 1;
  }
  return { value: grouped, caret: at };
}

/** "1,250,000.5 " → "1250000.5": what people type (separators, spaces), as the API wants it. */
export function cleanNumber(value: string): string {
  return value.replace(/[\s,_，]/g, "");
}
