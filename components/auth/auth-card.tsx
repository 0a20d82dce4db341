import { Banknote, Globe2, Scale } from "lucide-react";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { Logo } from "@/components/common/logo";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";

export type AuthCardProps = {
  title: React.ReactNode;
  description?: React.ReactNode;
  /** The form. */
  children: React.ReactNode;
  /** Under the card, e.g. "New to Rightsbridge? Create an account". */
  footer?: React.ReactNode;
};

/** Split screen for the signed-out pages: what Rightsbridge is on the left, the form on the right. */
export function AuthCard({ title, description, children, footer }: AuthCardProps) {
  const t = useTranslations("brand");
  const points = [
    { icon: Globe2, text: t("points.rights") },
    { icon: Scale, text: t("points.revenue") },
    { icon: Banknote, text: t("points.finance") },
  ];
  return (
    <div className="grid min-h-dvh lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
      <aside className="relative hidden overflow-hidden bg-brand p-10 text-white lg:flex lg:flex-col">
        {/* Soft teal light and a faint grid: depth without an image download. */}
        <div
          aria-hidden
          className="pointer-events-none absolute inset-0 bg-[radial-gradient(60%_50%_at_15%_100%,oklch(0.62_0.11_185/0.45),transparent),radial-gradient(50%_40%_at_100%_0%,oklch(0.55_0.17_274/0.6),transparent)]"
        />
        <div
          aria-hidden
          className="pointer-events-none absolute inset-0 opacity-[0.07] [background-image:linear-gradient(white_1px,transparent_1px),linear-gradient(90deg,white_1px,transparent_1px)] [background-size:40px_40px]"
        />
        <Logo inverted className="relative" />
        <div className="relative mt-auto max-w-md">
          <p className="text-2xl leading-snug font-semibold tracking-tight text-balance">{t("tagline")}</p>
          <ul className="mt-8 flex flex-col gap-4">
            {points.map(({ icon: Icon, text }) => (
              <li key={text} className="flex items-start gap-3 text-sm text-white/80">
                <span className="flex size-7 shrink-0 items-center justify-center rounded-md bg-white/10 ring-1 ring-white/15">
                  <Icon className="size-4" aria-hidden />
                </span>
                <span className="pt-1">{text}</span>
              </li>
            ))}
          </ul>
        </div>
        <p className="relative mt-12 text-xs text-white/50">{t("footer")}</p>
      </aside>

      <div className="flex flex-col bg-canvas">
        <header className="flex items-center justify-between px-6 py-4 lg:justify-end">
          <Logo className="lg:hidden" />
          <LocaleSwitcher />
        </header>
        <main className="flex flex-1 items-start justify-center px-4 pt-4 pb-16 sm:items-center sm:pt-0">
          <div className="w-full max-w-[440px]">
            <div className="rounded-xl border bg-card p-6 shadow-sm sm:p-8">
              <div className="mb-6 flex flex-col gap-1.5">
                <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
                {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
              </div>
              {children}
            </div>
            {footer ? <div className="mt-6 text-center text-sm text-muted-foreground">{footer}</div> : null}
          </div>
        </main>
      </div>
    </div>
  );
}
