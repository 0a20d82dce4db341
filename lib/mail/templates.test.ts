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
];

describe("renderMail", () => {
  for (const message of messages) {
    for (const locale of MAIL_LOCALES) {
      it(`${message.template} in ${locale}: subject, text and HTML carry the link`, () => {
        const mail = renderMail(message, locale);
        expect(mail.subject.length).toBeGreaterThan(5);
        expect(mail.text).toContain(message.vars.url);
        expect(mail.html).toContain(`href="${message.vars.url}"`);
        expect(mail.html).toContain(locale === "zh" ? 'lang="zh-CN"' : 'lang="en"');
        // Chinese copy is Chinese, English copy is not.
        expect(/[\u4e00-\u9fff]/.test(mail.text)).toBe(locale === "zh");
      });
    }
  }

  it("escapes values in HTML but keeps them readable in text", () => {
    const mail = renderMail(messages[1] as MailMessage, "en");
    expect(mail.subject).toBe("Li <Wei> invited you to Jade & Co on Rightsbridge");
    expect(mail.html).toContain("Li &lt;Wei&gt; invited you to join Jade &amp; Co as admin.");
    expect(mail.html).not.toContain("<Wei>");
    expect(mail.text).toContain("expires on 21 December 2026");
    expect(renderMail(messages[1] as MailMessage, "zh").text).toContain("以管理员身份加入 Jade & Co");
  });

  it("falls back to English for unknown locales", () => {
    expect(mailLocale("zh")).toBe("zh");
    expect(mailLocale("fr")).toBe("en");
    expect(mailLocale(null)).toBe("en");
  });
});
