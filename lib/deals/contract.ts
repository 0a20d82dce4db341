import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { dateOnly } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { type AppLocale, isLocale } from "@/lib/i18n/config";
import { formatDate, formatDateTime, formatMoney, formatPercent } from "@/lib/i18n/format";
import { D } from "@/lib/money/money";
import { languageName } from "@/lib/reference/languages";
import { getMediaRight } from "@/lib/reference/media-rights";
import { notFound, ok, type Result } from "@/lib/result";
import { expandTerritories, territoryName } from "@/lib/territories";
import { type DealSnap, diffDeal } from "./amendment";
import {
  BODY_SIZE,
  clause,
  contentWidth,
  createDoc,
  type Doc,
  ensureSpace,
  facts,
  footers,
  heading,
  paragraph,
  table,
  toBuffer,
  watermark,
} from "./contract-pdf";
import { presentDeal } from "./present";
import { getDeal } from "./queries";
import { holdbacksOf } from "./rules";
import type { ReportingFrequency } from "./schema";

/**
 * The international rights contract as a PDF, in English or Simplified Chinese: parties, titles,
 * the grants table, financial terms, creator participation, localization edit rights, reporting,
 * audit, exclusivity and signatures. Built from the deal as the requesting party sees it.
 */

export const contractQuerySchema = z.object({
  lang: z
    .enum(["en", "zh"], { error: "Use lang=en or lang=zh." })
    .optional()
    .meta({ description: "Default: the NEXT_LOCALE cookie, else en." }),
});

/** Above this many countries a grant's territory cell names the group and Schedule 1 lists them. */
const INLINE_COUNTRIES = 12;

type Lang = AppLocale;
type Ctx = { lang: Lang; t: Strings };

/** The deal's reporting terms: the reporting clause is written from them. */
type ReportingTerms = { reportingFrequency: ReportingFrequency; reportingDueDays: number; paymentDueDays: number };

const STRINGS = {
  en: {
    docTitle: "International Rights Licence Agreement",
    dealId: "Deal ID",
    dealName: "Deal",
    status: "Status",
    statuses: { DRAFT: "Draft", PROPOSED: "Proposed, awaiting signature", SIGNED: "Signed", EXPIRED: "Expired", TERMINATED: "Terminated" },
    watermark: { DRAFT: "DRAFT", PROPOSED: "NOT SIGNED", SIGNED: "", EXPIRED: "EXPIRED", TERMINATED: "TERMINATED" },
    date: "Agreement date",
    dateNote: (s: string) => (s === "SIGNED" ? "" : " (date of drafting; the agreement binds from the second signature)"),
    currency: "Currency",
    crossBorder: "Cross-border licence",
    yes: "Yes",
    no: "No",
    between:
      "This agreement is made between the parties below. The Licensor grants the Licensee the rights set out in clause 3, for the titles in clause 2, on the terms that follow.",
    licensor: "Licensor",
    licensee: "Licensee",
    party: "Party",
    country: "Country",
    role: "Role",
    roleLicensor: "Grants the rights; receives the payments",
    roleLicensee: "Exploits the rights; reports and pays",
    clauses: [
      "Parties",
      "Licensed titles",
      "Grant of rights",
      "Financial terms",
      "Creator participation",
      "Localization edit rights",
      "Reporting",
      "Audit",
      "Exclusivity and reserved rights",
      "Signatures",
    ],
    title: "Title",
    originalTitle: "Original title",
    kind: "Kind",
    year: "Year",
    version: "Version",
    seasonsOf: (list: string) => `Seasons ${list} only`,
    allVersions: "As delivered",
    grantIntro:
      "The Licensor grants the Licensee, for each line below, the licence to exploit the title in the territories, media and languages stated, during the window stated (both dates inclusive). Groups of territories mean the countries they contain on the agreement date; countries listed after “excluding” are not licensed.",
    grantHeaders: ["#", "Title", "Territories", "Media", "Languages", "Window", "Exclusivity", "Holdbacks", "Edits"],
    excluding: "excluding",
    countries: (n: number) => `${n} countries`,
    seeSchedule: "listed in Schedule 1",
    exclusive: "Exclusive",
    nonExclusive: "Non-exclusive",
    any: "As delivered",
    none: "None",
    permitted: "Permitted",
    notPermitted: "Not permitted",
    until: "until",
    noGrants: "No rights lines have been added yet.",
    mg: "Minimum guarantee",
    noMg: "No minimum guarantee.",
    instalments: "Instalments",
    instalmentHeaders: ["#", "Amount", "Due on", "Due date"],
    triggers: {
      SIGNATURE: "Signature",
      DELIVERY: "Delivery",
      ACCEPTANCE: "Acceptance of materials",
      RELEASE: "Release",
      DATE: "Fixed date",
    },
    fee: "Distribution fee",
    feeText: (p: string) => `${p} of gross receipts, retained by the Licensee`,
    noFee: "None",
    cap: "Expense cap",
    capText: (m: string) => `${m}, cumulative over the term of the agreement`,
    noCap: "No cap agreed",
    tiers: "Licensor share of net receipts",
    tierHeaders: ["Cumulative net receipts", "Licensor share (marginal)"],
    upTo: (m: string) => `Up to ${m}`,
    above: (m: string) => `Above ${m}`,
    allReceipts: "All net receipts",
    noTiers: "No share of net receipts agreed.",
    mgRecoup:
      "The minimum guarantee is an advance against the Licensor's share: it is recouped from that share and is not repayable. Amounts are stated in the agreement currency.",
    poolText: (p: string) =>
      `A creators' pool of ${p} of every amount the Licensor receives under this agreement is paid to the participants below, before any other allocation (creator-first), in proportion to their shares.`,
    noPool: "No creator participation is agreed.",
    participantHeaders: ["Participant", "Role", "Share", "Part of pool"],
    editsIntro:
      "Localization edits (changes made to a title for a territory, beyond dubbing and subtitling into the licensed languages) are governed per grant as follows, always subject to the Licensor's edit policy for the title: elements marked LOCKED may never change, APPROVAL_REQUIRED elements need the Licensor's written approval of an edit request, and PRE_APPROVED elements may change within their stated limits.",
    editsYes: (n: string, title: string) =>
      `Grant ${n} (${title}): localization edits are permitted under the Licensor's edit policy for the title.`,
    editsNo: (n: string, title: string) =>
      `Grant ${n} (${title}): no localization edits are permitted; the title is exploited only in versions delivered or approved by the Licensor.`,
    reporting: (r: ReportingTerms) => [
      `The Licensee renders a statement for each reporting period (${{ MONTHLY: "calendar month", QUARTERLY: "calendar quarter", SEMI_ANNUAL: "calendar half-year", ANNUAL: "calendar year" }[r.reportingFrequency]}) within ${r.reportingDueDays} ${r.reportingDueDays === 1 ? "day" : "days"} of its end (a period cut by the start or end of a licence window ends with it), for every title, territory and media right licensed: gross receipts, the distribution fee, recoupable expenses (within the expense cap), net receipts and the Licensor's share.`,
      `Payments follow the statement in the agreement currency: overage shown by a statement is paid within ${r.paymentDueDays} ${r.paymentDueDays === 1 ? "day" : "days"} of the Licensor's acceptance of it. The creators' pool is taken first from every amount paid to the Licensor; the minimum guarantee is then recouped from the Licensor's share.`,
      "Statements and payments are recorded in Rightsbridge, which keeps an append-only, hash-chained audit log visible to both parties.",
    ],
    audit: [
      "The Licensor may, on 30 days' written notice and not more than once per calendar year, audit the Licensee's books and records relating to this agreement, itself or through an independent accountant.",
      "Any underpayment found is paid within 30 days with interest; if it exceeds 5% of the amounts due for the audited period, the Licensee also bears the reasonable cost of the audit.",
    ],
    exclusivity: [
      "For exclusive grants, the Licensor shall not license the same title, in the same country and leaf media right, for any overlapping period to anyone else. Rightsbridge refuses any signature that would double-grant an exclusive right.",
      "During a holdback the Licensor shall not itself exploit, nor license, the media named in the territories named, until the date stated.",
      "All rights not expressly granted are reserved to the Licensor.",
    ],
    signIntro: "Signed for and on behalf of the parties by their authorised signatories.",
    forParty: (role: string) => `For the ${role}`,
    signedBy: (name: string, at: string) => `Signed by ${name} on ${at}`,
    awaiting: "Awaiting signature",
    schedule: "Schedule 1 — Territories",
    appendix: (n: number, number: number) => `Appendix ${n} — Amendment ${number}`,
    appendixIntro:
      "The parties amended this agreement as follows. The amendment binds from the second signature; clauses not named here are unchanged.",
    effectiveOn: "Effective on",
    amendmentSigned: "Signed by both parties",
    note: "Note",
    renewalNote: "Made by exercising the renewal option.",
    grantAdded: (what: string) => `Grant added: ${what}.`,
    grantRemoved: (what: string) => `Grant removed: ${what}.`,
    grantChanged: (title: string, field: string, before: string, after: string) =>
      `Grant for ${title}: ${field} changed from ${before} to ${after}.`,
    termChanged: (field: string, before: string, after: string) => `${field}: ${before} → ${after}.`,
    amendFields: {
      start: "start",
      end: "end",
      territories: "territories",
      excludedTerritories: "excluded territories",
      mediaRights: "media rights",
      exclusive: "exclusivity",
      seasons: "seasons (none: every season)",
    },
    amendTerms: {
      minimumGuarantee: "Minimum guarantee",
      instalments: "Instalment schedule",
      expenseCap: "Expense cap",
      participants: "Participants",
    },
    scheduleLine: (n: string) => `Grant ${n}`,
    footer: (id: string, at: string) => `Rightsbridge · Deal ${id} · Generated ${at}`,
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    clauseNo: (n: number) => `${n}.`,
    colon: ":",
    window: (start: string, end: string) => `${start} –\n${end}`,
    kinds: {
      FILM: "Film",
      SERIES: "Series",
      ANIMATION: "Animation",
      GAME: "Game",
      FORMAT: "Format",
      MUSIC: "Music",
      PUBLISHING: "Publishing",
    },
    terminated: (at: string, reason: string) => `Terminated on ${at}: ${reason}`,
  },
  zh: {
    docTitle: "国际版权许可协议",
    dealId: "协议编号",
    dealName: "交易",
    status: "状态",
    statuses: { DRAFT: "草稿", PROPOSED: "已提交，待签署", SIGNED: "已签署", EXPIRED: "已到期", TERMINATED: "已终止" },
    watermark: { DRAFT: "草稿", PROPOSED: "未签署", SIGNED: "", EXPIRED: "已到期", TERMINATED: "已终止" },
    date: "协议日期",
    dateNote: (s: string) => (s === "SIGNED" ? "" : "（起草日期；协议自第二方签署之日起生效）"),
    currency: "币种",
    crossBorder: "跨境许可",
    yes: "是",
    no: "否",
    between: "本协议由下列双方订立。许可方按照以下条款，就第2条所列作品向被许可方授予第3条所列权利。",
    licensor: "许可方",
    licensee: "被许可方",
    party: "当事方",
    country: "国家/地区",
    role: "角色",
    roleLicensor: "授予权利；收取款项",
    roleLicensee: "行使权利；报告并付款",
    clauses: ["当事方", "许可作品", "权利授予", "财务条款", "创作者分成", "本地化修改权", "报告", "审计", "独占性与保留权利", "签署"],
    title: "作品",
    originalTitle: "原名",
    kind: "类型",
    year: "年份",
    version: "版本",
    seasonsOf: (list: string) => `仅第 ${list} 季`,
    allVersions: "按交付版本",
    grantIntro:
      "许可方就下列每一行向被许可方授予许可：在所列许可期内（起止日期均包含在内），于所列地域、媒体权利及语言范围内使用该作品。地域组合指协议日期当日其所包含的国家/地区；“不含”之后所列国家/地区不在许可范围内。",
    grantHeaders: ["#", "作品", "地域", "媒体权利", "语言", "许可期", "独占性", "权利保留", "修改"],
    excluding: "不含",
    countries: (n: number) => `${n}个国家/地区`,
    seeSchedule: "详见附表1",
    exclusive: "独占",
    nonExclusive: "非独占",
    any: "按交付版本",
    none: "无",
    permitted: "允许",
    notPermitted: "不允许",
    until: "至",
    noGrants: "尚未添加任何授权条目。",
    mg: "最低保证金",
    noMg: "无最低保证金。",
    instalments: "分期付款",
    instalmentHeaders: ["#", "金额", "付款条件", "到期日"],
    triggers: { SIGNATURE: "签署", DELIVERY: "交付", ACCEPTANCE: "素材验收", RELEASE: "上映/发行", DATE: "固定日期" },
    fee: "发行费",
    feeText: (p: string) => `总收入的${p}，由被许可方保留`,
    noFee: "无",
    cap: "费用上限",
    capText: (m: string) => `${m}，按协议期内累计计算`,
    noCap: "未约定上限",
    tiers: "许可方净收入分成",
    tierHeaders: ["累计净收入", "许可方分成（边际）"],
    upTo: (m: string) => `不超过${m}`,
    above: (m: string) => `超过${m}`,
    allReceipts: "全部净收入",
    noTiers: "未约定净收入分成。",
    mgRecoup: "最低保证金为许可方分成的预付款：从该分成中收回，不予退还。所有金额均以协议币种计。",
    poolText: (p: string) =>
      `许可方根据本协议收到的每一笔款项中，${p}作为创作者分成池，先于任何其他分配（创作者优先），按下列参与者的份额比例支付。`,
    noPool: "未约定创作者分成。",
    participantHeaders: ["参与者", "角色", "份额", "占分成池比例"],
    editsIntro:
      "本地化修改（为某一地域对作品所作的、超出以许可语言配音及字幕范围的修改）按以下各授权条目处理，并始终受许可方对该作品的修改政策约束：标为“锁定”（LOCKED）的元素不得修改；标为“需审批”（APPROVAL_REQUIRED）的元素须经许可方书面批准修改申请；标为“预先批准”（PRE_APPROVED）的元素可在其规定限度内修改。",
    editsYes: (n: string, title: string) => `授权条目${n}（${title}）：允许依照许可方对该作品的修改政策进行本地化修改。`,
    editsNo: (n: string, title: string) => `授权条目${n}（${title}）：不允许本地化修改；作品仅可以许可方交付或批准的版本使用。`,
    reporting: (r: ReportingTerms) => [
      `被许可方应于每一报告期（${{ MONTHLY: "日历月", QUARTERLY: "日历季度", SEMI_ANNUAL: "日历半年", ANNUAL: "日历年" }[r.reportingFrequency]}）结束后${r.reportingDueDays}日内（因许可期开始或结束而截断的报告期随之结束），就每部许可作品、每一地域及每项媒体权利提交收入报表：总收入、发行费、可收回费用（以费用上限为限）、净收入及许可方分成。`,
      `付款随报表以协议币种支付：报表所示超额分成应于许可方接受该报表后${r.paymentDueDays}日内支付。每笔支付给许可方的款项先提取创作者分成池；其后从许可方分成中收回最低保证金。`,
      "报表与付款均记录于Rightsbridge，其审计日志只可追加、以哈希链相连，双方均可查阅。",
    ],
    audit: [
      "许可方可提前30日书面通知，每一日历年度不超过一次，自行或委托独立会计师审计被许可方与本协议有关的账簿及记录。",
      "发现的少付款项应于30日内连同利息补付；少付金额超过审计期间应付金额5%的，被许可方还应承担合理的审计费用。",
    ],
    exclusivity: [
      "就独占授权而言，许可方不得在重叠期间内就同一作品、同一国家/地区及同一细分媒体权利向任何其他方授予许可。Rightsbridge拒绝任何会造成独占权利重复授予的签署。",
      "在权利保留期内，许可方不得在所列地域自行使用或许可他人使用所列媒体，直至所列日期。",
      "未明确授予的一切权利均由许可方保留。",
    ],
    signIntro: "双方授权签署人代表双方签署如下。",
    forParty: (role: string) => `${role}（签署）`,
    signedBy: (name: string, at: string) => `签署人：${name}，签署时间：${at}`,
    awaiting: "待签署",
    schedule: "附表1 — 地域",
    appendix: (n: number, number: number) => `附录${n} — 第${number}号修订`,
    appendixIntro: "双方按以下内容修订本协议。修订自第二个签署起生效；未提及的条款保持不变。",
    effectiveOn: "生效日期",
    amendmentSigned: "双方签署",
    note: "备注",
    renewalNote: "本修订因行使续约选择权而订立。",
    grantAdded: (what: string) => `新增授权：${what}。`,
    grantRemoved: (what: string) => `删除授权：${what}。`,
    grantChanged: (title: string, field: string, before: string, after: string) =>
      `《${title}》的授权：${field}由 ${before} 改为 ${after}。`,
    termChanged: (field: string, before: string, after: string) => `${field}：${before} → ${after}。`,
    amendFields: {
      start: "开始日期",
      end: "结束日期",
      territories: "地域",
      excludedTerritories: "排除地域",
      mediaRights: "媒体权利",
      exclusive: "独家性",
      seasons: "季（无：全部季）",
    },
    amendTerms: { minimumGuarantee: "保底金", instalments: "分期付款计划", expenseCap: "费用上限", participants: "分成参与人" },
    scheduleLine: (n: string) => `授权条目${n}`,
    footer: (id: string, at: string) => `Rightsbridge · 协议 ${id} · 生成于 ${at}`,
    page: (n: number, of: number) => `第 ${n} 页，共 ${of} 页`,
    clauseNo: (n: number) => `第${n}条`,
    colon: "：",
    window: (start: string, end: string) => `${start}\n至 ${end}`,
    kinds: { FILM: "电影", SERIES: "剧集", ANIMATION: "动画", GAME: "游戏", FORMAT: "节目模式", MUSIC: "音乐", PUBLISHING: "出版" },
    terminated: (at: string, reason: string) => `已于${at}终止：${reason}`,
  },
} as const;
type Strings = (typeof STRINGS)[Lang];

/** The language: ?lang= first, then the NEXT_LOCALE cookie, else English. */
export function contractLanguage(query: string | undefined, cookie: string | undefined): Lang {
  if (isLocale(query)) return query;
  return isLocale(cookie) ? cookie : "en";
}

const titleName = (t: { originalTitle: string; titleEn: string | null; titleZh: string | null }, lang: Lang) =>
  (lang === "zh" ? t.titleZh : t.titleEn) || t.originalTitle;

const join = (lang: Lang, parts: string[]) => parts.join(lang === "zh" ? "、" : ", ");
const placeName = (code: string, lang: Lang) => territoryName(code)?.[lang] ?? code;
const mediaName = (code: string, lang: Lang) => getMediaRight(code)?.name[lang] ?? code;
const langName = (tag: string, lang: Lang) => {
  try {
    return languageName(tag)[lang];
  } catch {
    return tag;
  }
};

type DealData = NonNullable<Awaited<ReturnType<typeof getDeal>>>;

/** Territory cell: names as entered when few countries, else the group with a count; exclusions after. */
function territoryCell(g: DealData["grants"][number], ctx: Ctx): { cell: string; schedule: string | null } {
  const countries = [...expandTerritories(g.territories, g.excludedTerritories)];
  const excluded =
    g.excludedTerritories.length > 0
      ? `\n${ctx.t.excluding}: ${join(
          ctx.lang,
          g.excludedTerritories.map((c) => placeName(c, ctx.lang)),
        )}`
      : "";
  const names = countries.map((c) => placeName(c, ctx.lang)).sort((a, b) => a.localeCompare(b, ctx.lang === "zh" ? "zh-CN" : "en"));
  if (countries.length <= INLINE_COUNTRIES) {
    return { cell: `${join(ctx.lang, names)}${excluded}`, schedule: null };
  }
  const entered = join(
    ctx.lang,
    g.territories.map((c) => placeName(c, ctx.lang)),
  );
  return { cell: `${entered} (${ctx.t.countries(countries.length)}, ${ctx.t.seeSchedule})${excluded}`, schedule: join(ctx.lang, names) };
}

function holdbackCell(g: DealData["grants"][number], ctx: Ctx): string {
  const holdbacks = holdbacksOf(g.holdbacks);
  if (holdbacks.length === 0) return ctx.t.none;
  return holdbacks
    .map(
      (h) =>
        `${join(
          ctx.lang,
          h.mediaRights.map((m) => mediaName(m, ctx.lang)),
        )} · ${join(
          ctx.lang,
          h.territories.map((c) => placeName(c, ctx.lang)),
        )} · ${ctx.t.until} ${formatDate(h.until, ctx.lang)}`,
    )
    .join("\n");
}

async function signerNames(ids: (string | null)[]) {
  const users = await db.user.findMany({ where: { id: { in: ids.filter((i): i is string => !!i) } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

function titleBlock(doc: Doc, deal: DealData, ctx: Ctx) {
  const { t, lang } = ctx;
  doc.font("bold").fontSize(18).text(t.docTitle, { align: "center" });
  doc.moveDown(0.2);
  doc.font("body").fontSize(11).fillColor("#5b6270").text(deal.name, { align: "center" });
  doc.fillColor("#1f2430").moveDown(0.8);
  const agreementDate = deal.signedAt ?? deal.proposedAt ?? deal.createdAt;
  facts(doc, [
    [t.dealId, deal.id],
    [t.status, t.statuses[deal.status]],
    [t.date, `${formatDate(agreementDate.toISOString(), lang, { style: "long" })}${t.dateNote(deal.status)}`],
    [t.currency, deal.currency],
    [t.crossBorder, deal.licensor.homeCountry !== deal.licensee.homeCountry ? t.yes : t.no],
    ...(deal.terminatedAt
      ? [[t.status, t.terminated(formatDate(deal.terminatedAt.toISOString(), lang), deal.terminationReason ?? "")] as [string, string]]
      : []),
  ]);
  const x = doc.page.margins.left;
  doc.moveDown(0.3);
  doc
    .lineWidth(1)
    .strokeColor("#1f2430")
    .moveTo(x, doc.y)
    .lineTo(x + contentWidth(doc), doc.y)
    .stroke();
  doc.moveDown(0.4);
}

/** A value of the amendment diff in words: dates, money, lists, exclusivity. */
function amendedValue(value: unknown, ctx: Ctx): string {
  const { t, lang } = ctx;
  if (value === null || value === undefined) return t.none;
  if (typeof value === "boolean") return value ? t.exclusive : t.nonExclusive;
  if (typeof value === "string") return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, lang) : value;
  if (Array.isArray(value))
    return value.length === 0
      ? t.none
      : join(
          lang,
          value.map((v) => amendedValue(v, ctx)),
        );
  const o = value as Record<string, unknown>;
  if (typeof o.amount === "string" && typeof o.currency === "string") return formatMoney({ amount: o.amount, currency: o.currency }, lang);
  if (o.amount && typeof o.amount === "object") {
    const m = o.amount as { amount: string; currency: string };
    return `${formatMoney(m, lang)}${typeof o.dueDate === "string" ? ` (${formatDate(o.dueDate, lang)})` : ""}`;
  }
  if (typeof o.name === "string") return `${o.name} (${String(o.role)}, ${String(o.share)})`;
  return JSON.stringify(value);
}

/** One appendix per signed amendment: when it binds, and what it changed (frozen when it applied). */
function amendmentAppendix(
  doc: Doc,
  n: number,
  a: { number: number; effectiveOn: Date; signedAt: Date | null; note: string | null; renewal: boolean; applied: unknown },
  ctx: Ctx,
) {
  const { t, lang } = ctx;
  doc.addPage();
  heading(doc, t.appendix(n, a.number));
  paragraph(doc, t.appendixIntro);
  facts(doc, [
    [t.effectiveOn, formatDate(dateOnly(a.effectiveOn), lang)],
    [t.amendmentSigned, a.signedAt ? formatDateTime(a.signedAt, lang) : "—"],
    ...(a.note ? [[t.note, a.note] as [string, string]] : []),
  ]);
  if (a.renewal) paragraph(doc, t.renewalNote, { muted: true });
  const applied = a.applied as { before: DealSnap; after: DealSnap } | null;
  if (!applied) return;
  const diff = diffDeal(applied.before, applied.after);
  const grantText = (g: DealSnap["grants"][number]) =>
    `${g.titleName ?? g.titleId} · ${join(
      lang,
      g.territories.map((c) => placeName(c, lang)),
    )} · ${join(
      lang,
      g.mediaRights.map((m) => mediaName(m, lang)),
    )} · ${t.window(formatDate(g.start, lang), formatDate(g.end, lang))} · ${g.exclusive ? t.exclusive : t.nonExclusive}`;
  let i = 0;
  const line = (text: string) => clause(doc, `A${n}.${++i}`, text);
  for (const g of diff.grants.added) line(t.grantAdded(grantText(g)));
  for (const g of diff.grants.removed) line(t.grantRemoved(grantText(g)));
  for (const c of diff.grants.changed)
    for (const f of c.fields)
      line(t.grantChanged(c.titleName ?? c.titleId, t.amendFields[f.field], amendedValue(f.before, ctx), amendedValue(f.after, ctx)));
  for (const f of diff.terms) line(t.termChanged(t.amendTerms[f.field], amendedValue(f.before, ctx), amendedValue(f.after, ctx)));
}

/** Builds the contract PDF for a party to the deal; anyone else gets not found. */
export async function contractPdf(
  actor: Actor,
  dealId: string,
  lang: Lang,
  now = new Date(),
): Promise<Result<{ pdf: Buffer; fileName: string }>> {
  const deal = await getDeal(actor, dealId);
  if (!deal) return notFound("Deal");
  const t = STRINGS[lang];
  const ctx: Ctx = { lang, t };
  const presented = presentDeal(deal, actor.org.id);
  const titles = await db.title.findMany({
    where: { id: { in: [...new Set(deal.grants.map((g) => g.titleId))] } },
    select: { id: true, originalTitle: true, titleEn: true, titleZh: true, kind: true, year: true },
    orderBy: { originalTitle: "asc" },
  });
  const names = await signerNames([deal.licensorSignedBy, deal.licenseeSignedBy]);
  const doc = createDoc({ title: `${t.docTitle} — Deal ${deal.id}`, subject: `Deal ${deal.id}`, lang: lang === "zh" ? "zh-CN" : "en" });
  let n = 0;
  const section = () => {
    n += 1;
    heading(doc, `${t.clauseNo(n)} ${t.clauses[n - 1]}`);
    return n;
  };
  const sub = (text: string, i: number) => clause(doc, `${n}.${i}`, text);

  titleBlock(doc, deal, ctx);

  // 1. Parties
  section();
  paragraph(doc, t.between);
  table(
    doc,
    [
      { header: t.role, width: 0.18 },
      { header: t.party, width: 0.36 },
      { header: t.country, width: 0.18 },
      { header: "", width: 0.28 },
    ],
    [
      [t.licensor, deal.licensor.name, placeName(deal.licensor.homeCountry, lang), t.roleLicensor],
      [t.licensee, deal.licensee.name, placeName(deal.licensee.homeCountry, lang), t.roleLicensee],
    ],
    { size: BODY_SIZE - 0.5 },
  );

  // 2. Titles
  section();
  if (titles.length === 0) paragraph(doc, t.noGrants, { muted: true });
  else
    table(
      doc,
      [
        { header: t.title, width: 0.36 },
        { header: t.originalTitle, width: 0.3 },
        { header: t.kind, width: 0.17 },
        { header: t.year, width: 0.17 },
      ],
      titles.map((ti) => [titleName(ti, lang), ti.originalTitle, t.kinds[ti.kind], String(ti.year)]),
      { size: BODY_SIZE - 0.5 },
    );

  // 3. Grants
  section();
  paragraph(doc, t.grantIntro);
  const schedule: [string, string][] = [];
  if (deal.grants.length === 0) paragraph(doc, t.noGrants, { muted: true });
  else {
    const rows = deal.grants.map((g, i) => {
      const number = String(i + 1);
      const territories = territoryCell(g, ctx);
      if (territories.schedule) schedule.push([t.scheduleLine(number), territories.schedule]);
      return [
        number,
        `${titleName(g.title, lang)}${g.version ? `\n${t.version}: ${g.version.name}` : ""}${g.seasons.length ? `\n${t.seasonsOf(g.seasons.join(", "))}` : ""}`,
        territories.cell,
        join(
          lang,
          g.mediaRights.map((m) => mediaName(m, lang)),
        ),
        g.languages.length
          ? join(
              lang,
              g.languages.map((l) => langName(l, lang)),
            )
          : t.any,
        t.window(formatDate(dateOnly(g.start), lang), formatDate(dateOnly(g.end), lang)),
        g.exclusive ? t.exclusive : t.nonExclusive,
        holdbackCell(g, ctx),
        g.editsPermitted ? t.permitted : t.notPermitted,
      ];
    });
    const widths = [0.04, 0.12, 0.17, 0.11, 0.11, 0.13, 0.11, 0.11, 0.1];
    table(
      doc,
      t.grantHeaders.map((header, i) => ({ header, width: widths[i]!, align: i === 0 ? ("center" as const) : undefined })),
      rows,
      { size: 7.5 },
    );
  }

  // 4. Financial terms
  section();
  const terms = presented.terms;
  const money = (m: { amount: string; currency: string } | null) => (m ? formatMoney(m, lang) : "");
  facts(doc, [
    [t.mg, terms.minimumGuarantee ? money(terms.minimumGuarantee) : t.noMg],
    [t.fee, terms.distributionFeePct ? t.feeText(formatPercent(terms.distributionFeePct, lang)) : t.noFee],
    [t.cap, terms.expenseCap ? t.capText(money(terms.expenseCap)) : t.noCap],
  ]);
  if (terms.instalments.length > 0) {
    doc.moveDown(0.3);
    paragraph(doc, `${t.instalments}${t.colon}`);
    table(
      doc,
      t.instalmentHeaders.map((header, i) => ({
        header,
        width: [0.08, 0.32, 0.3, 0.3][i]!,
        align: i === 1 ? ("right" as const) : undefined,
      })),
      terms.instalments.map((inst, i) => [
        String(i + 1),
        money(inst.amount),
        t.triggers[inst.trigger],
        inst.dueDate ? formatDate(inst.dueDate, lang) : "—",
      ]),
    );
  }
  doc.moveDown(0.2);
  paragraph(doc, `${t.tiers}${t.colon}`);
  if (terms.shareTiers.length === 0) paragraph(doc, t.noTiers, { muted: true });
  else {
    let previous: string | null = null;
    table(
      doc,
      [
        { header: t.tierHeaders[0], width: 0.6 },
        { header: t.tierHeaders[1], width: 0.4, align: "right" },
      ],
      terms.shareTiers.map((tier) => {
        const label =
          tier.upTo !== null
            ? t.upTo(formatMoney({ amount: tier.upTo, currency: deal.currency }, lang))
            : previous !== null
              ? t.above(formatMoney({ amount: previous, currency: deal.currency }, lang))
              : t.allReceipts;
        previous = tier.upTo;
        return [label, formatPercent(tier.pct, lang)];
      }),
    );
  }
  if (terms.minimumGuarantee) paragraph(doc, t.mgRecoup, { muted: true });

  // 5. Creator participation
  section();
  if (!terms.creatorParticipationPct) paragraph(doc, t.noPool, { muted: true });
  else {
    paragraph(doc, t.poolText(formatPercent(terms.creatorParticipationPct, lang)));
    const total = terms.participants.reduce((sum, p) => sum.plus(p.share), new D(0));
    if (terms.participants.length > 0) {
      table(
        doc,
        t.participantHeaders.map((header, i) => ({
          header,
          width: [0.4, 0.3, 0.12, 0.18][i]!,
          align: i >= 2 ? ("right" as const) : undefined,
        })),
        terms.participants.map((p) => [
          p.name,
          p.role,
          p.share,
          formatPercent(new D(p.share).div(total).times(100).toDecimalPlaces(2).toString(), lang),
        ]),
      );
    }
  }

  // 6. Edit rights
  section();
  sub(t.editsIntro, 1);
  deal.grants.forEach((g, i) => {
    const text = g.editsPermitted
      ? t.editsYes(String(i + 1), titleName(g.title, lang))
      : t.editsNo(String(i + 1), titleName(g.title, lang));
    sub(text, i + 2);
  });

  // 7–9. Reporting, audit, exclusivity
  for (const paragraphs of [t.reporting(deal), t.audit, t.exclusivity]) {
    section();
    for (const [i, text] of paragraphs.entries()) sub(text, i + 1);
  }

  // 10. Signatures
  section();
  paragraph(doc, t.signIntro);
  ensureSpace(doc, 120);
  const top = doc.y + 8;
  const width = contentWidth(doc);
  const colWidth = width / 2 - 12;
  [
    { role: t.licensor, org: deal.licensor.name, at: deal.licensorSignedAt, by: deal.licensorSignedBy },
    { role: t.licensee, org: deal.licensee.name, at: deal.licenseeSignedAt, by: deal.licenseeSignedBy },
  ].forEach((s, i) => {
    const x = doc.page.margins.left + i * (width / 2 + 12);
    doc.font("bold").fontSize(BODY_SIZE).fillColor("#1f2430").text(t.forParty(s.role), x, top, { width: colWidth });
    doc.font("body").text(s.org, x, doc.y + 2, { width: colWidth });
    const lineY = doc.y + 34;
    doc
      .lineWidth(0.7)
      .strokeColor("#1f2430")
      .moveTo(x, lineY)
      .lineTo(x + colWidth, lineY)
      .stroke();
    const signed = s.at ? t.signedBy(names.get(s.by ?? "") ?? "—", formatDateTime(s.at, lang)) : t.awaiting;
    doc
      .fontSize(8.5)
      .fillColor(s.at ? "#1f2430" : "#a0411c")
      .text(signed, x, lineY + 5, { width: colWidth });
  });
  doc.fillColor("#1f2430");
  doc.x = doc.page.margins.left;
  doc.y = top + 100;

  if (schedule.length > 0) {
    doc.addPage();
    doc.font("bold").fontSize(12).text(t.schedule);
    doc.moveDown(0.5);
    for (const [label, countries] of schedule) {
      doc.font("bold").fontSize(BODY_SIZE).text(label);
      paragraph(doc, countries, { size: 8 });
      doc.moveDown(0.3);
    }
  }

  const amendments = await db.dealAmendment.findMany({ where: { dealId: deal.id, status: "SIGNED" }, orderBy: { number: "asc" } });
  for (const [i, a] of amendments.entries()) amendmentAppendix(doc, i + 1, a, ctx);

  const mark = t.watermark[deal.status];
  if (mark) watermark(doc, mark);
  footers(doc, t.footer(deal.id, formatDateTime(now, lang)), t.page);
  const pdf = await toBuffer(doc);
  return ok({ pdf, fileName: contractFileName(deal.name, dateOnly(now), lang) });
}

/**
 * The contract's file name: the deal's name and the day it was printed (`Jade Mountain — SEA
 * 2027` → `Jade-Mountain-SEA-2027-2026-12-07-en.pdf`); letters of any script are kept, the rest
 * become hyphens. `ascii` is the fallback for clients that do not read `filename*`.
 */
export function contractFileName(dealName: string, day: string, lang: Lang): string {
  const slug = dealName
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${slug || "contract"}-${day}-${lang}.pdf`;
}

/** The Content-Disposition of a file name with any characters (RFC 6266: an ASCII `filename`, the exact `filename*`). */
export function contentDisposition(fileName: string, kind: "inline" | "attachment" = "inline"): string {
  const ascii =
    fileName
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "")
      .replace(/^-+/, "") || "contract.pdf";
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
