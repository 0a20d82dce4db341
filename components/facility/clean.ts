/** "1,250,000.5 " → "1250000.5": people type thousands separators; the API wants a plain decimal. */
export function cleanNumber(value: string): string {
  return value.replace(/[\s,_，]/g, "");
}
