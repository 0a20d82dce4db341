import { describe, expect, it } from "vitest";
import { updateOrganizationSchema } from "./schema";
import { homeTimeZone, isSelectableTimeZone, orgTimeZone, selectableTimeZones } from "./time-zone";

describe("organisation time zones", () => {
  it("defaults to the home country's main zone, else the owners' choice", () => {
    expect(homeTimeZone("CN")).toBe("Asia/Shanghai");
    expect(homeTimeZone("BR")).toBe("America/Sao_Paulo");
    expect(homeTimeZone("ZZ")).toBe("UTC");
    expect(orgTimeZone({ timeZone: null, homeCountry: "TH" })).toBe("Asia/Bangkok");
    expect(orgTimeZone({ timeZone: "Asia/Tokyo", homeCountry: "TH" })).toBe("Asia/Tokyo");
  });

  it("offers IANA zones (current names included) and UTC, sorted, each usable", () => {
    const zones = selectableTimeZones();
    expect(zones).toEqual([...zones].sort());
    for (const zone of ["Asia/Shanghai", "Europe/Kyiv", "America/Sao_Paulo", "UTC", "Pacific/Kiritimati"]) {
      expect(isSelectableTimeZone(zone), zone).toBe(true);
    }
    for (const zone of ["Mars/Olympus_Mons", "GMT+8", "asia/shanghai", "", "EST5EDT "]) {
      expect(isSelectableTimeZone(zone), zone).toBe(false);
    }
  });

  it("the PATCH body takes a zone, null or empty (the default), and refuses anything else", () => {
    expect(updateOrganizationSchema.parse({ timeZone: " Asia/Tokyo " })).toEqual({ timeZone: "Asia/Tokyo" });
    expect(updateOrganizationSchema.parse({ timeZone: "" })).toEqual({ timeZone: null });
    expect(updateOrganizationSchema.parse({ timeZone: null })).toEqual({ timeZone: null });
    expect(updateOrganizationSchema.parse({})).toEqual({});
    expect(updateOrganizationSchema.safeParse({ timeZone: "Mars/Base" }).success).toBe(false);
    expect(updateOrganizationSchema.safeParse({ timeZone: "UTC", extra: 1 }).success).toBe(false);
  });
});
