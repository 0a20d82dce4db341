import { getAllTimezones, getCountry } from "countries-and-timezones";
import { isTimeZone } from "@/lib/dates";

/**
 * An organisation's time zone: the one its owners set, else the main zone of its home country
 * (countries-and-timezones lists a country's zones alphabetically, so countries spanning several
 * name their business capital's zone here), else UTC. Pure.
 */
const MAIN_ZONE: Record<string, string> = {
  AR: "America/Argentina/Buenos_Aires",
  AU: "Australia/Sydney",
  BR: "America/Sao_Paulo",
  CA: "America/Toronto",
  CD: "Africa/Kinshasa",
  CL: "America/Santiago",
  CN: "Asia/Shanghai",
  DE: "Europe/Berlin",
  EC: "America/Guayaquil",
  ES: "Europe/Madrid",
  FR: "Europe/Paris",
  GB: "Europe/London",
  ID: "Asia/Jakarta",
  KZ: "Asia/Almaty",
  MN: "Asia/Ulaanbaatar",
  MX: "America/Mexico_City",
  MY: "Asia/Kuala_Lumpur",
  NZ: "Pacific/Auckland",
  PT: "Europe/Lisbon",
  RU: "Europe/Moscow",
  UA: "Europe/Kyiv",
  US: "America/New_York",
};

export function homeTimeZone(homeCountry: string): string {
  const main = MAIN_ZONE[homeCountry];
  if (main && isTimeZone(main)) return main;
  const zones = getCountry(homeCountry)?.timezones ?? [];
  return zones.find(isTimeZone) ?? "UTC";
}

export function orgTimeZone(org: { timeZone: string | null; homeCountry: string }): string {
  return org.timeZone && isTimeZone(org.timeZone) ? org.timeZone : homeTimeZone(org.homeCountry);
}

let selectable: string[] | null = null;

/**
 * The IANA zones an owner may choose: those this runtime's Intl lists, those countries-and-timezones
 * maintains (it keeps current names such as Europe/Kyiv that older ICU data lacks) and UTC, each
 * one this runtime can compute with. Sorted. Browser-safe.
 */
export function selectableTimeZones(): string[] {
  if (!selectable) {
    const intl = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    selectable = [...new Set([...intl, ...Object.keys(getAllTimezones()), "UTC"])].filter(isTimeZone).sort();
  }
  return selectable;
}

export function isSelectableTimeZone(zone: string): boolean {
  return selectableTimeZones().includes(zone);
}
