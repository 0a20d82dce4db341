/**
 * The e-mails Rightsbridge sends, each as plain text and HTML in the recipient's language.
 * Pure: a template name, a locale and its variables in; subject, text and HTML out. Every value
 * put into HTML is escaped, and links are shown in full in the text part too. Every message ends
 * with a link to the person's notification settings (`settingsUrl`).
 */

export const MAIL_LOCALES = ["en", "zh"] as const;

/** The page where a person chooses which e-mails they receive; every e-mail links to it. */
export const NOTIFICATION_SETTINGS_PATH = "/settings/notifications";
export type MailLocale = (typeof MAIL_LOCALES)[number];

export type MailMessage =
  | { template: "verify-email"; vars: { name: string; url: string } }
  | { template: "invitation"; vars: { inviter: string; organization: string; role: string; url: string; expiresAt: Date } }
  | { template: "password-reset"; vars: { name: string; url: string } }
  /** One event or reminder: its sentence (already in the recipient's language) and its page. */
  | { template: "notification"; vars: { name: string; organization: string; text: string; url: string } }
  /** The day's notifications of one person, each a sentence and its page. */
  | {
      template: "notification-digest";
      vars: { name: string; day: string; url: string; items: { organization: string; text: string; url: string }[] };
    }
  | { template: "obligation-reminder"; vars: ObligationReminderVars };

/**
 * A reminder of an obligation (lib/obligations/reminders.ts). Plain values only: this module is
 * below the feature domains, so the obligation arrives already described.
 */
export type ObligationReminderVars = {
  name: string;
  organization: string;
  /** An obligation kind (MG_INSTALMENT, STATEMENT, …). */
  kind: string;
  /** OWED_BY_US, OWED_TO_US or INFO, from the recipient organisation's side. */
  side: string;
  /** Days from the recipient organisation's today to the due date (negative: overdue). */
  days: number;
  dueDate: string;
  deal: string | null;
  /** The title's name in the recipient's language. */
  title: string | null;
  /** "400.00 USD" */
  outstanding: string | null;
  /** Reporting period of a statement ("2027-01-01 – 2027-03-31"), currency pair and month, request name. */
  about: string | null;
  url: string;
};

export type MailTemplate = MailMessage["template"];
export type RenderedMail = { subject: string; text: string; html: string };

/**
 * One e-mail in one language: a subject, paragraphs, an optional list of linked items, the call
 * to action and a closing line.
 */
type Copy = {
  subject: string;
  greeting: string;
  paragraphs: string[];
  items?: { text: string; url: string }[];
  action: string;
  footer: string;
};

const SETTINGS_LINE: Record<MailLocale, string> = {
  en: "Choose which e-mails you receive",
  zh: "选择您接收哪些电子邮件",
};

/** A subject line from a sentence: one line (a reason may hold line breaks), its first 110 characters. */
function subjectOf(sentence: string): string {
  const text = sentence.replace(/\s+/g, " ").trim();
  return text.length <= 110 ? text : `${text.slice(0, 109)}…`;
}

type Vars<T extends MailTemplate> = Extract<MailMessage, { template: T }>["vars"];

const ROLE_NAMES: Record<MailLocale, Record<string, string>> = {
  en: { OWNER: "owner", ADMIN: "admin", MEMBER: "member", VIEWER: "viewer" },
  zh: { OWNER: "所有者", ADMIN: "管理员", MEMBER: "成员", VIEWER: "查看者" },
};

function day(date: Date, locale: MailLocale): string {
  return new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(date);
}

const OBLIGATION_NAMES: Record<MailLocale, Record<string, string>> = {
  en: {
    MG_INSTALMENT: "MG instalment",
    STATEMENT: "Revenue statement",
    OVERAGE_PAYMENT: "Overage payment",
    RIGHTS_EXPIRY: "Rights expiry",
    HOLDBACK_ENDS: "End of a holdback",
    EDIT_DECISION: "Edit request decision",
    ADVANCE_DISBURSEMENT: "Advance disbursement",
    FX_RATE_MISSING: "Missing FX rate",
    RENEWAL_NOTICE: "Renewal option: last day to exercise",
  },
  zh: {
    MG_INSTALMENT: "保底金分期款",
    STATEMENT: "收益报表",
    OVERAGE_PAYMENT: "超额分成付款",
    RIGHTS_EXPIRY: "授权到期",
    HOLDBACK_ENDS: "限制期结束",
    EDIT_DECISION: "剪辑申请决定",
    ADVANCE_DISBURSEMENT: "预付款发放",
    FX_RATE_MISSING: "缺少汇率",
    RENEWAL_NOTICE: "续约选择权：行使截止日",
  },
};

function when(v: ObligationReminderVars, locale: MailLocale): string {
  const due = day(new Date(`${v.dueDate}T00:00:00Z`), locale);
  if (locale === "zh") {
    if (v.days < 0) return `已逾期（到期日 ${due}）`;
    if (v.days === 0) return `今天到期（${due}）`;
    if (v.days === 1) return `明天到期（${due}）`;
    return `${v.days} 天后到期（${due}）`;
  }
  if (v.days < 0) return `is overdue (it was due on ${due})`;
  if (v.days === 0) return `is due today (${due})`;
  if (v.days === 1) return `is due tomorrow (${due})`;
  return `is due in ${v.days} days (${due})`;
}

function reminderCopy(v: ObligationReminderVars, locale: MailLocale): Copy {
  const what = OBLIGATION_NAMES[locale][v.kind] ?? v.kind;
  const facts = (
    locale === "zh"
      ? [
          v.deal && `交易：${v.deal}`,
          v.title && `作品：《${v.title}》`,
          v.about && `事项：${v.about}`,
          v.outstanding && `未结金额：${v.outstanding}`,
        ]
      : [
          v.deal && `Deal: ${v.deal}`,
          v.title && `Title: ${v.title}`,
          v.about && `About: ${v.about}`,
          v.outstanding && `Outstanding: ${v.outstanding}`,
        ]
  ).filter((f): f is string => Boolean(f));
  const context = v.deal ?? v.about ?? "";
  if (locale === "zh") {
    const side =
      v.side === "OWED_BY_US"
        ? `此事项由 ${v.organization} 负责办理。`
        : v.side === "OWED_TO_US"
          ? `此事项应由对方向 ${v.organization} 履行；请留意是否按时完成。`
          : `供 ${v.organization} 知悉。`;
    return {
      subject: `提醒：${what}${when(v, "zh")}${context ? ` — ${context}` : ""}`,
      greeting: `${v.name}，您好：`,
      paragraphs: [`${what}${when(v, "zh")}。`, ...facts, side],
      action: "在 Rightsbridge 中查看",
      footer: `您作为 ${v.organization} 的所有者或管理员收到此提醒。每个提醒阶段只发送一次。`,
    };
  }
  const side =
    v.side === "OWED_BY_US"
      ? `${v.organization} owes this.`
      : v.side === "OWED_TO_US"
        ? `This is owed to ${v.organization}: the other party must act.`
        : `For ${v.organization}'s information.`;
  return {
    subject: `Reminder: ${what} ${when(v, "en")}${context ? ` — ${context}` : ""}`,
    greeting: `Hello ${v.name},`,
    paragraphs: [`${what} ${when(v, "en")}.`, ...facts, side],
    action: "Open it in Rightsbridge",
    footer: `You receive this reminder as an owner or admin of ${v.organization}. Each reminder stage is sent once.`,
  };
}

const COPY: { [T in MailTemplate]: Record<MailLocale, (v: Vars<T>) => Copy> } = {
  "verify-email": {
    en: (v) => ({
      subject: "Confirm your e-mail address for Rightsbridge",
      greeting: `Hello ${v.name},`,
      paragraphs: [
        "Please confirm that this is your e-mail address. Until you do, you can work in your organisation but cannot sign deals, create API keys or take facility decisions.",
        "The link works once and expires in 24 hours.",
      ],
      action: "Confirm my address",
      footer: "If you did not create a Rightsbridge account, ignore this message.",
    }),
    zh: (v) => ({
      subject: "请确认您在 Rightsbridge 的电子邮件地址",
      greeting: `${v.name}，您好：`,
      paragraphs: [
        "请确认这是您的电子邮件地址。确认之前，您可以在本组织中工作，但不能签署交易、创建 API 密钥或作出融资决定。",
        "该链接只能使用一次，24 小时后失效。",
      ],
      action: "确认我的地址",
      footer: "如果您没有注册 Rightsbridge 账户，请忽略此邮件。",
    }),
  },
  invitation: {
    en: (v) => ({
      subject: `${v.inviter} invited you to ${v.organization} on Rightsbridge`,
      greeting: "Hello,",
      paragraphs: [
        `${v.inviter} invited you to join ${v.organization} as ${ROLE_NAMES.en[v.role] ?? v.role}.`,
        `Open the link to accept. It is yours alone, works once and expires on ${day(v.expiresAt, "en")}.`,
      ],
      action: "Accept the invitation",
      footer: "If you did not expect this invitation, ignore this message.",
    }),
    zh: (v) => ({
      subject: `${v.inviter} 邀请您加入 Rightsbridge 上的 ${v.organization}`,
      greeting: "您好：",
      paragraphs: [
        `${v.inviter} 邀请您以${ROLE_NAMES.zh[v.role] ?? v.role}身份加入 ${v.organization}。`,
        `打开链接即可接受邀请。该链接仅供您本人使用，只能使用一次，于 ${day(v.expiresAt, "zh")} 失效。`,
      ],
      action: "接受邀请",
      footer: "如果您没有预料到这份邀请，请忽略此邮件。",
    }),
  },
  "password-reset": {
    en: (v) => ({
      subject: "Reset your Rightsbridge password",
      greeting: `Hello ${v.name},`,
      paragraphs: [
        "Someone asked to reset the password of your Rightsbridge account. Open the link to choose a new one; every session of your account will be signed out.",
        "The link works once and expires in 1 hour.",
      ],
      action: "Choose a new password",
      footer: "If you did not ask for this, ignore this message: your password stays as it is.",
    }),
    zh: (v) => ({
      subject: "重置您的 Rightsbridge 密码",
      greeting: `${v.name}，您好：`,
      paragraphs: [
        "有人请求重置您的 Rightsbridge 账户密码。打开链接设置新密码；您账户的所有会话都将退出登录。",
        "该链接只能使用一次，1 小时后失效。",
      ],
      action: "设置新密码",
      footer: "如果这不是您本人的请求，请忽略此邮件：您的密码不会改变。",
    }),
  },
  notification: {
    en: (v) => ({
      subject: subjectOf(v.text),
      greeting: `Hello ${v.name},`,
      paragraphs: [v.text],
      action: "Open in Rightsbridge",
      footer: `You receive this as a member of ${v.organization}.`,
    }),
    zh: (v) => ({
      subject: subjectOf(v.text),
      greeting: `${v.name}，您好：`,
      paragraphs: [v.text],
      action: "在 Rightsbridge 中打开",
      footer: `您作为 ${v.organization} 的成员收到此邮件。`,
    }),
  },
  "notification-digest": {
    en: (v) => ({
      subject: `Rightsbridge: your daily digest of ${day(new Date(`${v.day}T00:00:00Z`), "en")} (${v.items.length})`,
      greeting: `Hello ${v.name},`,
      paragraphs: [
        v.items.length === 1
          ? "Here is what happened since your last digest:"
          : `Here are the ${v.items.length} things that happened since your last digest:`,
      ],
      items: v.items.map((i) => ({ text: `${i.organization}: ${i.text}`, url: i.url })),
      action: "See all notifications",
      footer: "You chose to receive these notifications once a day.",
    }),
    zh: (v) => ({
      subject: `Rightsbridge：${day(new Date(`${v.day}T00:00:00Z`), "zh")}的每日摘要（${v.items.length} 条）`,
      greeting: `${v.name}，您好：`,
      paragraphs: [`自上次摘要以来共有 ${v.items.length} 条通知：`],
      items: v.items.map((i) => ({ text: `${i.organization}：${i.text}`, url: i.url })),
      action: "查看全部通知",
      footer: "您选择了每天接收一次这些通知。",
    }),
  },
  "obligation-reminder": {
    en: (v) => reminderCopy(v, "en"),
    zh: (v) => reminderCopy(v, "zh"),
  },
};

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

export function mailLocale(value: string | null | undefined): MailLocale {
  return value === "zh" ? "zh" : "en";
}

export function renderMail(message: MailMessage, locale: MailLocale, options: { settingsUrl: string }): RenderedMail {
  // The union is narrowed by `template`; the lookup keeps each template's variables typed.
  const copy = (COPY[message.template][locale] as (v: MailMessage["vars"]) => Copy)(message.vars);
  const url = message.vars.url;
  const settings = `${SETTINGS_LINE[locale]}: ${options.settingsUrl}`;
  const text = [
    copy.greeting,
    "",
    ...copy.paragraphs.flatMap((p) => [p, ""]),
    ...(copy.items ?? []).flatMap((i) => [`• ${i.text}`, `  ${i.url}`, ""]),
    `${copy.action}: ${url}`,
    "",
    "—",
    copy.footer,
    settings,
    "",
  ].join("\n");
  const items = copy.items?.length
    ? [
        '<ul style="padding-left:20px">',
        ...copy.items.map(
          (i) => `<li style="margin-bottom:8px"><a href="${escapeHtml(i.url)}" style="color:#1f2937">${escapeHtml(i.text)}</a></li>`,
        ),
        "</ul>",
      ]
    : [];
  const html = [
    `<!doctype html><html lang="${locale === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8"><title>${escapeHtml(copy.subject)}</title></head>`,
    "<body style=\"font-family:system-ui,-apple-system,'PingFang SC',sans-serif;color:#1f2937;line-height:1.5;max-width:560px;margin:0 auto;padding:24px\">",
    `<p>${escapeHtml(copy.greeting)}</p>`,
    ...copy.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...items,
    `<p><a href="${escapeHtml(url)}" style="display:inline-block;background:#4338ca;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(copy.action)}</a></p>`,
    `<p style="font-size:13px;color:#6b7280">${escapeHtml(url)}</p>`,
    `<hr style="border:none;border-top:1px solid #e5e7eb"><p style="font-size:13px;color:#6b7280">${escapeHtml(copy.footer)}</p>`,
    `<p style="font-size:13px;color:#6b7280"><a href="${escapeHtml(options.settingsUrl)}" style="color:#6b7280">${escapeHtml(SETTINGS_LINE[locale])}</a></p>`,
    "</body></html>",
  ].join("\n");
  return { subject: copy.subject, text, html };
}
