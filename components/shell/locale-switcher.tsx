"use client";

import { Check, Languages } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { setLocaleAction } from "@/lib/i18n/actions";
import { type AppLocale, localeNames, locales } from "@/lib/i18n/config";
import { cn } from "@/lib/utils";

/**
 * Language menu. The choice is stored in the NEXT_LOCALE cookie by a server action (so it
 * survives reloads and new tabs), then the server components re-render in the new language.
 * The trigger is named "Language"/"语言" and shows the current language in its own script.
 */
export function LocaleSwitcher({ className, align = "end" }: { className?: string; align?: "start" | "end" }) {
  const locale = useLocale();
  const t = useTranslations("shell.locale");
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(next: AppLocale) {
    if (next === locale) return;
    startTransition(async () => {
      const result = await setLocaleAction(next);
      if (!result.ok) {
        toast.error(t("failed"));
        return;
      }
      router.refresh();
    });
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="sm"
          aria-label={t("label")}
          data-testid="locale-switcher"
          className={cn("gap-1.5 text-muted-foreground hover:text-foreground", className)}
          loading={pending}
        >
          {pending ? null : <Languages aria-hidden />}
          <span>{localeNames[locale]}</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align={align} className="w-44">
        <DropdownMenuLabel>{t("label")}</DropdownMenuLabel>
        {locales.map((code) => (
          <DropdownMenuItem
            key={code}
            lang={code === "zh" ? "zh-CN" : code}
            onSelect={() => choose(code)}
            data-locale={code}
            aria-current={code === locale ? "true" : undefined}
          >
            <span className="flex-1">{localeNames[code]}</span>
            {code === locale ? <Check className="text-primary" aria-hidden /> : null}
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
