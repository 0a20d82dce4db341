"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { RadioCard, RadioGroup } from "@/components/ui/radio-group";
import { setLocaleAction } from "@/lib/i18n/actions";
import { isLocale, localeNames, locales } from "@/lib/i18n/config";
import { formatDate, formatMoney } from "@/lib/i18n/format";

/** How dates and amounts read in each language: the description of each choice. */
const sample = (code: string) => `${formatDate("2026-12-31", code)} · ${formatMoney({ amount: "1250000.00", currency: "USD" }, code)}`;

/**
 * The language choice as a settings control. It stores the same cookie as the top-bar switcher
 * (which stays the one element with data-testid="locale-switcher"), so both always agree.
 */
export function LanguagePreference() {
  const locale = useLocale();
  const t = useTranslations("shell.locale");
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  return (
    <RadioGroup
      aria-label={t("label")}
      value={locale}
      disabled={pending}
      className="grid-cols-1 sm:grid-cols-2"
      onValueChange={(next) => {
        if (!isLocale(next) || next === locale) return;
        startTransition(async () => {
          const result = await setLocaleAction(next);
          if (!result.ok) {
            toast.error(t("failed"));
            return;
          }
          router.refresh();
        });
      }}
    >
      {locales.map((code) => (
        <RadioCard key={code} value={code} lang={code === "zh" ? "zh-CN" : code} title={localeNames[code]} description={sample(code)} />
      ))}
    </RadioGroup>
  );
}
