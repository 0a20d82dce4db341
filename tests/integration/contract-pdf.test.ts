import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as contract } from "@/app/api/v1/deals/[id]/contract.pdf/route";
import { POST as addGrant } from "@/app/api/v1/deals/[id]/grants/route";
import { POST as propose } from "@/app/api/v1/deals/[id]/propose/route";
import { POST as sign } from "@/app/api/v1/deals/[id]/sign/route";
import { POST as createDeal } from "@/app/api/v1/deals/route";
import { POST as createTitle } from "@/app/api/v1/titles/route";
import { BASE_URL, callRoute, expectProblem, type Registered, registerViaApi } from "../support/api";
import { resetDb } from "../support/db";

let studio: Registered;
let partner: Registered;
let dealId: string;

/** Text of a PDF through poppler's pdftotext, when the machine has it (pdfkit compresses its content streams). */
function pdfText(pdf: Uint8Array): string | null {
  try {
    return execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf, encoding: "utf8" });
  } catch {
    return null;
  }
}

async function fetchContract(headers: Record<string, string>, query = "") {
  const res = await contract(new NextRequest(`${BASE_URL}/api/v1/deals/${dealId}/contract.pdf${query}`, { headers }), {
    params: Promise.resolve({ id: dealId }),
  });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

beforeEach(async () => {
  await resetDb();
  studio = await registerViaApi({ organization: { name: "Jade Mountain Pictures", kind: "STUDIO", homeCountry: "CN" } });
  partner = await registerViaApi({ organization: { name: "Siam Screens Co., Ltd.", kind: "PARTNER", homeCountry: "TH" } });
  const titles: string[] = [];
  for (const body of [
    { kind: "FILM", originalTitle: "玉山", titleEn: "Jade Mountain", titleZh: "玉山" },
    { kind: "SERIES", originalTitle: "长安十二时辰", titleEn: "The Longest Day in Chang'an", episodeCount: 48 },
  ]) {
    const res = await callRoute(createTitle, "/api/v1/titles", {
      headers: studio.headers,
      json: { originalLanguage: "zh", year: 2025, visibility: "LISTED", ...body },
    });
    expect(res.status, res.text).toBe(201);
    titles.push(res.body.id);
  }
  const deal = await callRoute(createDeal, "/api/v1/deals", {
    headers: studio.headers,
    json: {
      name: "Jade Mountain — Southeast Asia 2027",
      licenseeId: partner.orgId,
      currency: "USD",
      terms: {
        minimumGuarantee: { amount: "250000.00", currency: "USD" },
        instalments: [
          { amount: { amount: "100000.00", currency: "USD" }, trigger: "SIGNATURE" },
          { amount: { amount: "150000.00", currency: "USD" }, trigger: "DELIVERY", dueDate: "2027-02-15" },
        ],
        distributionFeePct: "25",
        expenseCap: { amount: "40000.00", currency: "USD" },
        shareTiers: [
          { upTo: "1000000.00", pct: "50" },
          { upTo: null, pct: "60" },
        ],
        creatorParticipationPct: "5",
        participants: [
          { name: "Lin Yue", role: "Director", share: "60" },
          { name: "Chen Ming", role: "Screenwriter", share: "40" },
        ],
      },
    },
  });
  expect(deal.status, deal.text).toBe(201);
  dealId = deal.body.id;
  for (const grant of [
    {
      titleId: titles[0],
      territories: ["SEA"],
      excludedTerritories: ["VN"],
      mediaRights: ["DIGITAL"],
      languages: ["th", "en", "vi"],
      start: "2027-01-01",
      end: "2029-12-31",
      exclusive: true,
      editsPermitted: true,
      holdbacks: [{ mediaRights: ["FREE_TV"], territories: ["TH"], until: "2028-01-01" }],
    },
    {
      titleId: titles[0],
      territories: ["WORLDWIDE"],
      excludedTerritories: ["CN", "SEA"],
      mediaRights: ["AIRLINE", "SHIP"],
      start: "2027-01-01",
      end: "2027-12-31",
      exclusive: false,
    },
    {
      titleId: titles[1],
      territories: ["TH", "LA", "KH"],
      mediaRights: ["SVOD", "PAY_TV"],
      start: "2027-06-01",
      end: "2030-05-31",
      exclusive: true,
    },
  ]) {
    const res = await callRoute(addGrant, `/api/v1/deals/${dealId}/grants`, {
      headers: studio.headers,
      params: { id: dealId },
      json: grant,
    });
    expect(res.status, res.text).toBe(201);
  }
});

describe("GET /api/v1/deals/{id}/contract.pdf", () => {
  it("renders the contract for each party, in English by default and in Chinese by cookie or lang", async () => {
    const en = await fetchContract(studio.headers);
    expect(en.status).toBe(200);
    expect(en.headers.get("content-type")).toBe("application/pdf");
    expect(en.headers.get("content-language")).toBe("en");
    expect(new TextDecoder().decode(en.bytes.slice(0, 5))).toBe("%PDF-");
    // Fonts are embedded as subsets: a few tens of kB, not the 8 MB font files.
    expect(en.bytes.byteLength).toBeGreaterThan(20_000);
    expect(en.bytes.byteLength).toBeLessThan(1_500_000);
    // The document information dictionary is not compressed: it names the deal.
    expect(Buffer.from(en.bytes).toString("latin1")).toContain(`Deal ${dealId}`);

    const zh = await fetchContract({ ...partner.headers, cookie: `${partner.headers.cookie}; NEXT_LOCALE=zh` });
    expect(zh.status).toBe(200);
    expect(zh.headers.get("content-language")).toBe("zh-CN");
    const forced = await fetchContract({ ...partner.headers, cookie: `${partner.headers.cookie}; NEXT_LOCALE=zh` }, "?lang=en");
    expect(forced.headers.get("content-language")).toBe("en");

    const text = pdfText(en.bytes);
    if (text !== null) {
      expect(text).toContain(dealId);
      expect(text).toContain("Siam Screens Co., Ltd.");
      expect(text).toMatch(/\$250,000\.00/);
      expect(text).toContain("Awaiting signature");
      const zhText = pdfText(zh.bytes)!;
      expect(zhText).toContain("国际版权许可协议");
      expect(zhText).toContain("泰国");
    }

    const out = process.env.CONTRACT_PDF_OUT;
    if (out) {
      mkdirSync(out, { recursive: true });
      writeFileSync(path.join(out, "contract-en.pdf"), en.bytes);
      writeFileSync(path.join(out, "contract-zh.pdf"), zh.bytes);
    }
  });

  it("shows both signatures once signed", async () => {
    await callRoute(propose, `/api/v1/deals/${dealId}/propose`, { method: "POST", headers: studio.headers, params: { id: dealId } });
    for (const party of [partner, studio]) {
      const res = await callRoute(sign, `/api/v1/deals/${dealId}/sign`, { method: "POST", headers: party.headers, params: { id: dealId } });
      expect(res.status, res.text).toBe(200);
    }
    const signed = await fetchContract(studio.headers, "?lang=zh");
    expect(signed.status).toBe(200);
    const text = pdfText(signed.bytes);
    if (text !== null) {
      expect(text).toContain("签署人：Test Person");
      expect(text).not.toContain("待签署");
    }
    if (process.env.CONTRACT_PDF_OUT) {
      mkdirSync(process.env.CONTRACT_PDF_OUT, { recursive: true });
      writeFileSync(path.join(process.env.CONTRACT_PDF_OUT, "contract-signed-zh.pdf"), signed.bytes);
    }
  });

  it("is not found for anyone else, and refuses an unknown language", async () => {
    const stranger = await registerViaApi({ organization: { name: "Elsewhere", kind: "PARTNER", homeCountry: "BR" } });
    const res = await fetchContract(stranger.headers);
    expect(res.status).toBe(404);
    const bad = await callRoute(contract, `/api/v1/deals/${dealId}/contract.pdf`, {
      headers: studio.headers,
      params: { id: dealId },
      query: { lang: "fr" },
    });
    expectProblem(bad, 422);
  });
});

describe("contract PDF in Korean and Thai scripts", () => {
  it("prints Korean and Thai party names as text (not boxes), and names the file after the deal and the day", async () => {
    const korean = await registerViaApi({ organization: { name: "한빛 픽처스 주식회사", kind: "STUDIO", homeCountry: "KR" } });
    const thai = await registerViaApi({ organization: { name: "บริษัท สยาม สกรีน จำกัด", kind: "PARTNER", homeCountry: "TH" } });
    const deal = await callRoute(createDeal, "/api/v1/deals", {
      headers: korean.headers,
      json: { name: "Hanbit — Thailand 2027", licenseeId: thai.orgId, currency: "USD", terms: {} },
    });
    expect(deal.status, deal.text).toBe(201);
    const id: string = deal.body.id;
    const res = await contract(new NextRequest(`${BASE_URL}/api/v1/deals/${id}/contract.pdf`, { headers: korean.headers }), {
      params: Promise.resolve({ id }),
    });
    expect(res.status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    const disposition = res.headers.get("content-disposition") ?? "";
    expect(disposition).toContain(`filename="Hanbit-Thailand-2027-${today}-en.pdf"`);
    expect(disposition).not.toContain(id);

    const { extractText, getDocumentProxy } = await import("unpdf");
    const pdf = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
    const { text } = await extractText(pdf, { mergePages: true });
    // Text extraction maps each glyph back through the font's ToUnicode table: a box (.notdef) would not come back.
    // The Thai font draws SARA AM (ำ) as two glyphs, nikhahit and SARA AA, and extraction gives the second back as า.
    const squashed = text.replace(/\s+/g, "").replaceAll("\u0e33\u0e32", "\u0e33");
    expect(squashed).toContain("한빛픽처스주식회사");
    expect(squashed).toContain("บริษัทสยามสกรีนจำกัด");
  });

  it("names files after the deal in any script, with an ASCII fallback", async () => {
    const { contractFileName, contentDisposition } = await import("@/lib/deals/contract");
    expect(contractFileName("玉山 — 东南亚 2027", "2026-12-07", "zh")).toBe("玉山-东南亚-2027-2026-12-07-zh.pdf");
    expect(contractFileName("***", "2026-12-07", "en")).toBe("contract-2026-12-07-en.pdf");
    expect(contentDisposition("玉山-2027-2026-12-07-zh.pdf")).toBe(
      `inline; filename="2027-2026-12-07-zh.pdf"; filename*=UTF-8''${encodeURIComponent("玉山-2027-2026-12-07-zh.pdf")}`,
    );
  });
});
