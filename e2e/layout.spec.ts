/**
 * Layout at desk and phone widths, in both languages (issue 17 point 1): no page scrolls
 * sideways, every action in a table row is inside the viewport at ≥ 1024 px, and no page logs a
 * console error (hydration errors included). One test per width and language, each within its
 * own budget; pages are waited for until `load` (the notification bell keeps the network busy, so
 * `networkidle` would only wait for its timeout).
 */
import type { Page } from "@playwright/test";
import { DEMO } from "./support/demo";
import { expect, logIn, test } from "./support/fixtures";

const WIDTHS = [1440, 1024, 390] as const;
const LANGUAGES = ["en", "zh"] as const;
const LIST_PAGES = ["/dashboard", "/deals", "/titles", "/catalogue", "/statements", "/avails"];

/** The lists, plus a signed deal, a draft, the signed deal's statements and a statement (found through the API). */
async function mainPages(page: Page): Promise<string[]> {
  const first = async (url: string) => {
    const res = await page.request.get(url);
    expect(res.status(), url).toBe(200);
    const body: { items: { id: string }[] } = await res.json();
    return body.items[0]?.id ?? null;
  };
  const [deal, draft, statement] = await Promise.all([
    first("/api/v1/deals?status=SIGNED&limit=1"),
    first("/api/v1/deals?status=DRAFT&limit=1"),
    first("/api/v1/statements?limit=1"),
  ]);
  return [
    ...LIST_PAGES,
    ...[
      deal && `/deals/${deal}`,
      draft && `/deals/${draft}`,
      deal && `/deals/${deal}/statements`,
      statement && `/statements/${statement}`,
    ].filter((p): p is string => Boolean(p)),
  ];
}

async function overflow(page: Page) {
  return page.evaluate(() => {
    const scroller = document.scrollingElement ?? document.documentElement;
    const actions = [...document.querySelectorAll("tbody tr button, tbody tr a[role='button'], tbody tr [data-row-action]")]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => {
        const box = el.getBoundingClientRect();
        return { text: (el.textContent || el.getAttribute("aria-label") || "").trim(), left: box.left, right: box.right };
      })
      .filter((a) => a.left < 0 || a.right > window.innerWidth + 0.5);
    return { scrollWidth: scroller.scrollWidth, innerWidth: window.innerWidth, actionsOutside: actions };
  });
}

for (const language of LANGUAGES) {
  for (const width of WIDTHS) {
    test(`layout at ${width}px in ${language}: no sideways scrolling, row actions in view, no console errors`, async ({
      page,
      baseURL,
    }) => {
      test.slow();
      const errors: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() === "error") errors.push(`${page.url()}: ${msg.text()}`);
      });
      page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
      await page.setViewportSize({ width, height: 900 });
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: language, url: baseURL ?? "http://localhost:3000" }]);
      await logIn(page, DEMO.studio);
      const pages = await mainPages(page);
      expect(pages.length).toBeGreaterThan(LIST_PAGES.length);
      for (const path of pages) {
        await page.goto(path, { waitUntil: "load" });
        const seen = await overflow(page);
        expect.soft(seen.scrollWidth, `${path} at ${width}px scrolls sideways`).toBeLessThanOrEqual(seen.innerWidth);
        if (width >= 1024) expect.soft(seen.actionsOutside, `${path} at ${width}px: row actions out of view`).toEqual([]);
      }
      expect(errors).toEqual([]);
    });
  }
}
