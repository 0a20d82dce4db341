import { describe, expect, it } from "vitest";
import { MAIL_LOCALES, type MailMessage, mailLocale, renderMail } from "./templates";

const messages: MailMessage[] = [
  { template: "verify-email", vars: { name: "Ann", url: "https://rb.test/verify-email/tok_1" } },
  {
    template: "invitation",
    vars: {
      inviter: "Li <Wei>",
      organization: "Jade & Co",
      role: "ADMIN",
      url: "https://rb.test/invite/tok_2",
      expiresAt: new Date("2026-12-21T10:00:00Z"),
    },
  },
  { template: "password-reset", vars: { name: "Ann", url: "https://rb.test/reset-password/tok_3" } },
  {
    template: "notification",
    vars: { name: "Ann", organization: "Jade", text: "Siam proposed the deal “SEA 2027”.", url: "https://rb.test/deals/d1" },
  },
  {
    template: "notification-digest",
    vars: {
      name: "Ann",
      day: "2026-12-08",
      url: "https://rb.test/notifications",
      items: [
        { organization: "Jade", text: "A <receipt> was recorded.", url: "https://rb.test/deals/d1/receipts" },
        { organization: "Jade", text: "A statement was accepted.", url: "https://rb.test/statements/s1" },
      ],
    },
  },
];
const settingsUrl = "https://rb.test/settings/notifications";

describe("renderMail", () => {
  for (const message of messages) {
    for (const locale of MAIL_LOCALES) {
      it(`${message.template} in ${locale}: subject, text and HTML carry the link`, () => {
        const mail = renderMail(message, locale, { settingsUrl });
        expect(mail.subject.length).toBeGreaterThan(5);
        expect(mail.text).toContain(message.vars.url);
        expect(mail.html).toContain(`href="${message.vars.url}"`);
        expect(mail.html).toContain(locale === "zh" ? 'lang="zh-CN"' : 'lang="en"');
        // Every e-mail links to the notification settings, in both parts.
        expect(mail.text).toContain(settingsUrl);
        expect(mail.html).toContain(`href="${settingsUrl}"`);
        // Chinese copy is Chinese, English copy is not.
        expect(/[\u4e00-\u9fff]/.test(mail.text)).toBe(locale === "zh");
      });
    }
  }

  it("escapes values in HTML but keeps them readable in text", () => {
    const mail = renderMail(messages[1] as MailMessage, "en", { settingsUrl });
    expect(mail.subject).toBe("Li <Wei> invited you to Jade & Co on Rightsbridge");
    expect(mail.html).toContain("Li &lt;Wei&gt; invited you to join Jade &amp; Co as admin.");
    expect(mail.html).not.toContain("<Wei>");
    expect(mail.text).toContain("expires on 21 December 2026");
    expect(renderMail(messages[1] as MailMessage, "zh", { settingsUrl }).text).toContain("以管理员身份加入 Jade & Co");
  });

  it("lists each item of a digest with its link, escaped in HTML", () => {
    const mail = renderMail(messages[4] as MailMessage, "en", { settingsUrl });
    expect(mail.subject).toBe("Rightsbridge: your daily digest of 8 December 2026 (2)");
    expect(mail.text).toContain("• Jade: A <receipt> was recorded.\n  https://rb.test/deals/d1/receipts");
    expect(mail.html).toContain('<a href="https://rb.test/statements/s1" style="color:#1f2937">Jade: A statement was accepted.</a>');
    expect(mail.html).toContain("A &lt;receipt&gt; was recorded.");
    expect(renderMail(messages[4] as MailMessage, "zh", { settingsUrl }).subject).toBe("Rightsbridge：2026年12月8日的每日摘要（2 条）");
  });

  it("falls back to English for unknown locales", () => {
    expect(mailLocale("zh")).toBe("zh");
    expect(mailLocale("fr")).toBe("en");
    expect(mailLocale(null)).toBe("en");
  });
});
