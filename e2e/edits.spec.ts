import type { Locator, Page } from "@playwright/test";
import { createListedTitle } from "./support/deals";
import { expect, test } from "./support/fixtures";
import { chooseLanguage, otherBrowser, pageHeading } from "./support/journeys";

const LOCKED_NOTE = "The ending is the heart of the film; it stays as released.";

type Labels = {
  language: "English" | "简体中文";
  editPolicy: string;
  policyTitle: string;
  category: Record<"ENDING" | "RUNTIME" | "COMEDIC_TIMING" | "CULTURAL_REFERENCE", string>;
  rule: Record<"LOCKED" | "APPROVAL_REQUIRED" | "PRE_APPROVED", string>;
  ruleFor: (category: string) => string;
  limitFor: (category: string) => string;
  noteFor: (category: string) => string;
  savePolicy: string;
  version1: string;
  editRequests: string;
  newRequest: string;
  titleField: string;
  territories: string;
  removeChip: (label: string) => string;
  thailand: string;
  addChange: string;
  element: string;
  whatChanges: string;
  magnitude: string;
  why: string;
  submitRequest: string;
  autoApproved: string;
  autoRejected: string;
  needsReview: string;
  underReview: string;
  partiallyApproved: string;
  approve: string;
  reject: string;
  noteForChange: (n: number) => string;
  recordDecisions: (n: number) => string;
  openVersion: RegExp;
  locked: string;
  describeChange: string;
  chooseElement: string;
  tabsLabel: string;
  addComment: string;
  postComment: string;
};

const LABELS: Record<"en" | "zh", Labels> = {
  en: {
    language: "English",
    editPolicy: "Edit policy",
    policyTitle: "Edit policy",
    category: { ENDING: "Ending", RUNTIME: "Runtime", COMEDIC_TIMING: "Comedic timing", CULTURAL_REFERENCE: "Cultural reference" },
    rule: { LOCKED: "Locked", APPROVAL_REQUIRED: "Approval required", PRE_APPROVED: "Pre-approved" },
    ruleFor: (c) => `Rule for ${c}`,
    limitFor: (c) => `Limit for ${c} (%)`,
    noteFor: (c) => `Note for ${c}`,
    savePolicy: "Save policy",
    version1: "Version 1",
    editRequests: "Edit requests",
    newRequest: "New request",
    titleField: "Title",
    territories: "Target territories",
    removeChip: (label) => `Remove ${label}`,
    thailand: "Thailand",
    addChange: "Add a change",
    element: "Element",
    whatChanges: "What changes",
    magnitude: "Magnitude (%)",
    why: "Why",
    submitRequest: "Submit request",
    autoApproved: "Auto-approved",
    autoRejected: `Auto-rejected: ${LOCKED_NOTE}`,
    needsReview: "Needs review",
    underReview: "Under review",
    partiallyApproved: "Partially approved",
    approve: "Approve",
    reject: "Reject",
    noteForChange: (n) => `Note for change ${n}`,
    recordDecisions: (n) => `Record decisions (${n})`,
    openVersion: /^Open /,
    locked: "Locked",
    describeChange: "Describe the change.",
    chooseElement: "Choose what kind of change this is.",
    tabsLabel: "Filter by status",
    addComment: "Add a comment",
    postComment: "Post comment",
  },
  zh: {
    language: "简体中文",
    editPolicy: "改编政策",
    policyTitle: "改编政策",
    category: { ENDING: "结局", RUNTIME: "片长", COMEDIC_TIMING: "喜剧节奏", CULTURAL_REFERENCE: "文化元素" },
    rule: { LOCKED: "锁定", APPROVAL_REQUIRED: "需审批", PRE_APPROVED: "预先批准" },
    ruleFor: (c) => `${c}的规则`,
    limitFor: (c) => `${c}的上限（%）`,
    noteFor: (c) => `${c}的说明`,
    savePolicy: "保存政策",
    version1: "第 1 版",
    editRequests: "修改申请",
    newRequest: "新建申请",
    titleField: "作品",
    territories: "目标地区",
    removeChip: (label) => `移除${label}`,
    thailand: "泰国",
    addChange: "添加修改",
    element: "元素",
    whatChanges: "修改内容",
    magnitude: "幅度（%）",
    why: "原因",
    submitRequest: "提交申请",
    autoApproved: "自动批准",
    autoRejected: `自动拒绝：${LOCKED_NOTE}`,
    needsReview: "需审核",
    underReview: "审核中",
    partiallyApproved: "部分批准",
    approve: "批准",
    reject: "拒绝",
    noteForChange: (n) => `修改 ${n} 的备注`,
    recordDecisions: (n) => `记录决定（${n}）`,
    openVersion: /^打开 /,
    locked: "锁定",
    describeChange: "请描述这项修改。",
    chooseElement: "请选择修改类型。",
    tabsLabel: "按状态筛选",
    addComment: "添加评论",
    postComment: "发表评论",
  },
};

function suffix(): string {
  return Math.random().toString(36).slice(2, 8);
}

/**
 * Chooses `option` in the radix select named `name` inside `scope`. The element list is long: its
 * scroll arrows scroll the list while the pointer passes over them, and on a loaded machine the
 * click could land while the option was still moving, leaving the list open. So the choice is
 * retried (the list is reopened only when it closed) until the trigger shows it.
 */
async function choose(scope: Page | Locator, page: Page, name: string, option: string | RegExp): Promise<void> {
  const trigger = scope.getByRole("combobox", { name, exact: true });
  await expect(async () => {
    if (!(await page.getByRole("listbox").isVisible())) await trigger.click({ timeout: 5_000 });
    await page.getByRole("option", { name: option }).click({ timeout: 5_000 });
    await expect(trigger).toContainText(option, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

type Change = { category: keyof Labels["category"]; description: string; rationale: string; magnitude?: string };

for (const locale of ["en", "zh"] as const) {
  const L = LABELS[locale];

  test(`${locale}: a studio sets an edit policy, a partner requests four changes, the studio decides, the partner gets the international version`, async ({
    page,
    browser,
    signUp,
  }) => {
    test.setTimeout(240_000); // two organisations, a whole request lifecycle in two browsers
    const studio = await signUp(page, { kind: "STUDIO" });
    const titleName = `Lanterns Over the River ${suffix()}`;
    const titleId = await createListedTitle(page.request, titleName);
    await chooseLanguage(page, L.language);

    // ---- The studio sets the policy from the title page.
    await page.goto(`/titles/${titleId}`);
    await page.getByRole("link", { name: L.editPolicy }).click();
    await expect(page).toHaveURL(new RegExp(`/titles/${titleId}/edit-policy$`));
    await expect(pageHeading(page)).toHaveText(L.policyTitle);
    const editor = page.getByRole("form", { name: L.policyTitle });
    await expect(page.getByTestId("policy-row")).toHaveCount(15);
    await choose(editor, page, L.ruleFor(L.category.ENDING), L.rule.LOCKED);
    await editor.getByLabel(L.noteFor(L.category.ENDING), { exact: true }).fill(LOCKED_NOTE);
    await choose(editor, page, L.ruleFor(L.category.RUNTIME), L.rule.PRE_APPROVED);
    // Validation as you type: a limit over 100 is refused on its field, then corrected.
    const runtimeLimit = editor.getByLabel(L.limitFor(L.category.RUNTIME), { exact: true });
    await runtimeLimit.fill("150");
    await expect(page.locator('[data-category="RUNTIME"]').getByRole("alert")).toBeVisible();
    await runtimeLimit.fill("10");
    await expect(page.locator('[data-category="RUNTIME"]').getByRole("alert")).toHaveCount(0);
    await choose(editor, page, L.ruleFor(L.category.COMEDIC_TIMING), L.rule.APPROVAL_REQUIRED);
    await choose(editor, page, L.ruleFor(L.category.CULTURAL_REFERENCE), L.rule.PRE_APPROVED);
    await page.getByRole("button", { name: L.savePolicy }).click();
    await expect(page.getByTestId("policy-version")).toContainText(L.version1);

    // ---- A partner reads the policy and drafts a request with four changes.
    const partnerBrowser = await otherBrowser(browser);
    const p = partnerBrowser.page;
    await signUp(p, { kind: "PARTNER" });
    await chooseLanguage(p, L.language);
    await p.goto(`/titles/${titleId}/edit-policy`);
    const ending = p.locator('[data-testid="policy-element"][data-category="ENDING"]');
    await expect(ending).toContainText(L.locked);
    await expect(ending).toContainText(LOCKED_NOTE);
    await expect(p.getByRole("button", { name: L.savePolicy })).toHaveCount(0);

    await p.goto("/edit-requests");
    await expect(pageHeading(p)).toHaveText(L.editRequests);
    await p.getByRole("link", { name: L.newRequest }).first().click();
    await expect(p).toHaveURL(/\/edit-requests\/new$/);
    await choose(p, p, L.titleField, new RegExp(titleName));

    const territories = p.getByRole("combobox", { name: L.territories, exact: true });
    await territories.click();
    const listId = await territories.getAttribute("aria-controls");
    const search = p.locator(`input[aria-controls="${listId}"]`);
    await search.fill("TH");
    await search.press("Enter");
    await search.press("Escape");
    await expect(p.getByRole("button", { name: L.removeChip(L.thailand), exact: true })).toBeVisible();

    // Submitting an empty change is refused on its fields, in the reader's language, before anything is sent.
    await p.getByRole("button", { name: L.submitRequest }).click();
    const firstRow = p.getByTestId("request-item-row").first();
    await expect(firstRow.getByText(L.chooseElement)).toBeVisible();
    await expect(firstRow.getByText(L.describeChange)).toBeVisible();
    await expect(p).toHaveURL(/\/edit-requests\/new$/);

    const changes: (Change & { expect: string })[] = [
      {
        category: "CULTURAL_REFERENCE",
        description: "Replace the Mid-Autumn riddle with a Loy Krathong one.",
        rationale: "Thai audiences know Loy Krathong.",
        expect: L.autoApproved,
      },
      {
        category: "ENDING",
        description: "End on the reunion at the pier.",
        rationale: "Test audiences want closure.",
        expect: L.autoRejected,
      },
      {
        category: "COMEDIC_TIMING",
        description: "Hold the pause before the noodle-shop punchline.",
        rationale: "The dub runs longer than the original line.",
        expect: L.needsReview,
      },
      {
        category: "RUNTIME",
        description: "Cut the market montage.",
        rationale: "Broadcast slot of 90 minutes.",
        magnitude: "15",
        expect: L.needsReview,
      },
    ];
    const rows = p.getByTestId("request-item-row");
    for (const [index, change] of changes.entries()) {
      if (index > 0) await p.getByRole("button", { name: L.addChange }).click();
      const row = rows.nth(index);
      await choose(row, p, L.element, L.category[change.category]);
      await row.getByLabel(L.whatChanges, { exact: true }).fill(change.description);
      await row.getByLabel(L.why, { exact: true }).fill(change.rationale);
      if (change.magnitude) await row.getByLabel(L.magnitude).fill(change.magnitude);
      // The live preview says what the policy will do with this change.
      await expect(row.getByTestId("item-evaluation")).toContainText(change.expect);
    }
    await p.getByRole("button", { name: L.submitRequest }).click();
    await p.waitForURL(/\/edit-requests\/[0-9a-f-]{36}$/);
    const requestUrl = new URL(p.url()).pathname;
    await expect(p.getByTestId("request-status").first()).toHaveText(L.underReview);
    const items = p.getByTestId("request-item");
    await expect(items).toHaveCount(4);
    await expect(p.locator('[data-testid="request-item"][data-category="CULTURAL_REFERENCE"]')).toHaveAttribute("data-status", "APPROVED");
    await expect(p.locator('[data-testid="request-item"][data-category="ENDING"]')).toHaveAttribute("data-status", "REJECTED");
    await expect(p.locator('[data-testid="request-item"][data-category="ENDING"]')).toContainText(LOCKED_NOTE);
    await expect(p.locator('[data-testid="request-item"][data-status="PENDING"]')).toHaveCount(2);

    // ---- The studio is notified and decides the two waiting changes.
    await page.goto("/dashboard");
    await expect(page.getByTestId("notification-count")).toHaveText("1");
    await page.getByTestId("notification-bell").click();
    await expect(page.getByTestId("notification-item").first()).toContainText(titleName);
    await page.getByTestId("notification-item").first().click();
    await expect(page).toHaveURL(new RegExp(`${requestUrl}$`));
    await expect(page.getByTestId("request-status").first()).toHaveText(L.underReview);
    const comedy = page.locator('[data-testid="request-item"][data-category="COMEDIC_TIMING"]');
    const runtime = page.locator('[data-testid="request-item"][data-category="RUNTIME"]');
    await comedy.getByRole("button", { name: L.approve }).click();
    await runtime.getByRole("button", { name: L.reject }).click();
    await runtime.getByLabel(L.noteForChange(4)).fill("Fifteen percent is too much; keep cuts within ten.");
    await page.getByRole("button", { name: L.recordDecisions(2) }).click();
    await expect(page.getByTestId("request-status").first()).toHaveText(L.partiallyApproved);
    await expect(page.getByTestId("result-version")).toBeVisible();
    await expect(page.getByTestId("notification-count")).toHaveCount(0);

    // ---- The partner is notified and opens the new international version.
    await p.goto("/dashboard");
    await expect(p.getByTestId("notification-count")).toHaveText("1");
    await p.getByTestId("notification-bell").click();
    await p.getByTestId("notification-item").first().click();
    await expect(p).toHaveURL(new RegExp(`${requestUrl}$`));
    await expect(p.getByTestId("request-status").first()).toHaveText(L.partiallyApproved);
    await expect(runtimeOf(p)).toContainText("Fifteen percent is too much; keep cuts within ten.");
    for (const step of ["edit_request.create", "edit_request.submit", "edit_request.decide"]) {
      await expect(p.getByTestId("timeline").locator(`li[data-action="${step}"]`)).toHaveCount(1);
    }
    await p.getByTestId("result-version").getByRole("link", { name: L.openVersion }).click();
    await expect(p).toHaveURL(new RegExp(`/titles/${titleId}#version-`));
    const versionId = new URL(p.url()).hash.replace("#version-", "");
    const version = p.locator(`[data-testid="version-card"][data-version-id="${versionId}"]`);
    await expect(version).toBeVisible();
    const listed = version.locator("li");
    await expect(listed).toHaveCount(2);
    await expect(version).toContainText(changes[0]!.description);
    await expect(version).toContainText(changes[2]!.description);
    await expect(version).not.toContainText(changes[1]!.description);
    await expect(version).not.toContainText(changes[3]!.description);

    // The partner comments and attaches a storyboard note; both appear on the request.
    await p.goto(requestUrl);
    await p.getByLabel(L.addComment, { exact: true }).fill("Thank you — we will deliver the dub by March.");
    await p.getByRole("button", { name: L.postComment }).click();
    await expect(p.getByTestId("comment")).toContainText("we will deliver the dub by March");
    await p.locator("input[type=file]").setInputFiles({
      name: "storyboard-notes.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("Scene 12: hold two beats before the punchline.\n"),
    });
    await expect(p.getByTestId("attachment")).toContainText("storyboard-notes.txt");
    await expect(p.getByTestId("timeline").locator('li[data-action="edit_request.comment"]')).toHaveCount(1);

    // The request list finds it under its status tab.
    await p.goto("/edit-requests");
    await p
      .getByRole("navigation", { name: L.tabsLabel })
      .getByRole("link", { name: new RegExp(`^${L.partiallyApproved}`) })
      .click();
    await expect(p).toHaveURL(/status=PARTIALLY_APPROVED/);
    await expect(
      p
        .getByRole("table")
        .getByRole("link", { name: new RegExp(titleName) })
        .first(),
    ).toBeVisible();

    // The notifications page lists what happened.
    await p.goto("/notifications");
    await expect(p.getByTestId("notification-row").first()).toContainText(titleName);
    await partnerBrowser.context.close();
    expect(studio.organization.kind).toBe("STUDIO");
  });
}

function runtimeOf(page: Page): Locator {
  return page.locator('[data-testid="request-item"][data-category="RUNTIME"]');
}
