import {
  ArrowRight,
  Banknote,
  CalendarRange,
  Clapperboard,
  Code2,
  FileCheck2,
  Globe2,
  Handshake,
  Library,
  type LucideIcon,
  Receipt,
  ScrollText,
  ShieldCheck,
} from "lucide-react";
import { useTranslations } from "next-intl";
import { Logo } from "@/components/common/logo";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";

type Feature = { icon: LucideIcon; title: string; description: string };

/** The signed-out home page: what Rightsbridge is for each side of a deal, and the way in. */
export function Landing() {
  const t = useTranslations("landing");
  const tBrand = useTranslations("brand");

  const audiences: (Feature & { tone: string })[] = [
    {
      icon: Clapperboard,
      title: t("audiences.studio.title"),
      description: t("audiences.studio.description"),
      tone: "bg-accent text-primary",
    },
    {
      icon: Globe2,
      title: t("audiences.partner.title"),
      description: t("audiences.partner.description"),
      tone: "bg-brand-teal/12 text-[oklch(0.45_0.09_185)]",
    },
    {
      icon: Banknote,
      title: t("audiences.finance.title"),
      description: t("audiences.finance.description"),
      tone: "bg-warning/15 text-warning-foreground",
    },
  ];
  const flow: Feature[] = [
    { icon: Library, title: t("flow.catalogue.title"), description: t("flow.catalogue.description") },
    { icon: CalendarRange, title: t("flow.avails.title"), description: t("flow.avails.description") },
    { icon: Handshake, title: t("flow.deals.title"), description: t("flow.deals.description") },
    { icon: Receipt, title: t("flow.statements.title"), description: t("flow.statements.description") },
    { icon: Banknote, title: t("flow.advances.title"), description: t("flow.advances.description") },
  ];
  const trust: Feature[] = [
    { icon: ShieldCheck, title: t("trust.tenancy.title"), description: t("trust.tenancy.description") },
    { icon: ScrollText, title: t("trust.audit.title"), description: t("trust.audit.description") },
    { icon: Code2, title: t("trust.api.title"), description: t("trust.api.description") },
  ];

  return (
    <div className="flex min-h-dvh flex-col bg-canvas">
      <header className="sticky top-0 z-20 border-b bg-background/85 backdrop-blur supports-[backdrop-filter]:bg-background/70">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:px-6">
          <Logo className="mr-auto" />
          <LocaleSwitcher />
          <Button asChild variant="ghost" size="sm">
            <Link href="/login">{t("nav.login")}</Link>
          </Button>
          <Button asChild size="sm">
            <Link href="/register">{t("nav.signup")}</Link>
          </Button>
        </div>
      </header>

      <main className="flex-1">
        <section className="relative overflow-hidden bg-brand text-white">
          <div
            aria-hidden
            className="pointer-events-none absolute inset-0 bg-[radial-gradient(55%_60%_at_10%_100%,oklch(0.62_0.11_185/0.4),transparent),radial-gradient(45%_50%_at_100%_0%,oklch(0.55_0.17_274/0.65),transparent)]"
          />
          <div
            aria-hidden
            className="pointer-events-none absolute inset-0 opacity-[0.07] [background-image:linear-gradient(white_1px,transparent_1px),linear-gradient(90deg,white_1px,transparent_1px)] [background-size:40px_40px]"
          />
          <div className="relative mx-auto grid max-w-6xl gap-10 px-4 py-20 sm:px-6 lg:grid-cols-[minmax(0,7fr)_minmax(0,5fr)] lg:items-center lg:py-28">
            <div className="flex flex-col gap-6">
              <p className="w-fit rounded-full bg-white/10 px-3 py-1 text-xs font-medium text-white/85 ring-1 ring-white/15">
                {t("hero.eyebrow")}
              </p>
              <h1 className="text-4xl leading-tight font-semibold tracking-tight text-balance sm:text-5xl">{t("hero.title")}</h1>
              <p className="max-w-2xl text-base leading-relaxed text-white/80 sm:text-lg">{t("hero.subtitle")}</p>
              <div className="flex flex-wrap gap-3 pt-2">
                <Button asChild size="lg" className="bg-white text-brand shadow-sm hover:bg-white/90">
                  <Link href="/register">
                    {t("hero.primary")}
                    <ArrowRight aria-hidden />
                  </Link>
                </Button>
                <Button asChild size="lg" variant="ghost" className="text-white ring-1 ring-white/30 hover:bg-white/10 hover:text-white">
                  <Link href="/login">{t("hero.secondary")}</Link>
                </Button>
              </div>
            </div>
            <ol className="relative hidden flex-col gap-2 rounded-2xl bg-white/8 p-4 ring-1 ring-white/15 backdrop-blur-sm lg:flex">
              {flow.map(({ icon: Icon, title, description }, index) => (
                <li key={title} className="flex items-center gap-3 rounded-lg bg-white/5 px-3 py-2.5 ring-1 ring-white/10">
                  <span className="flex size-8 shrink-0 items-center justify-center rounded-md bg-white/12 text-white">
                    <Icon className="size-4" aria-hidden />
                  </span>
                  <span className="flex min-w-0 flex-col">
                    <span className="text-sm font-medium">
                      <span className="mr-1.5 text-white/50 tabular-nums">{index + 1}</span>
                      {title}
                    </span>
                    <span className="truncate text-xs text-white/65">{description}</span>
                  </span>
                </li>
              ))}
            </ol>
          </div>
        </section>

        <section className="mx-auto max-w-6xl px-4 py-16 sm:px-6 lg:py-20" aria-labelledby="audiences">
          <h2 id="audiences" className="text-2xl font-semibold tracking-tight">
            {t("audiences.title")}
          </h2>
          <div className="mt-8 grid gap-4 md:grid-cols-3">
            {audiences.map(({ icon: Icon, title, description, tone }) => (
              <div key={title} className="rounded-xl border bg-card p-6 shadow-xs">
                <span className={`flex size-10 items-center justify-center rounded-lg ${tone}`}>
                  <Icon className="size-5" aria-hidden />
                </span>
                <h3 className="mt-4 text-base font-semibold">{title}</h3>
                <p className="mt-2 text-sm leading-relaxed text-muted-foreground">{description}</p>
              </div>
            ))}
          </div>
        </section>

        <section className="border-y bg-background" aria-labelledby="flow">
          <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
            <h2 id="flow" className="text-2xl font-semibold tracking-tight">
              {t("flow.title")}
            </h2>
            <ol className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-5">
              {flow.map(({ icon: Icon, title, description }, index) => (
                <li key={title} className="flex flex-col gap-2">
                  <span className="flex items-center gap-2 text-sm font-semibold">
                    <span className="flex size-7 items-center justify-center rounded-full bg-accent text-xs text-primary tabular-nums">
                      {index + 1}
                    </span>
                    <Icon className="size-4 text-muted-foreground" aria-hidden />
                    {title}
                  </span>
                  <p className="text-sm text-muted-foreground">{description}</p>
                </li>
              ))}
            </ol>
          </div>
        </section>

        <section className="mx-auto max-w-6xl px-4 py-16 sm:px-6" aria-labelledby="trust">
          <h2 id="trust" className="text-2xl font-semibold tracking-tight">
            {t("trust.title")}
          </h2>
          <div className="mt-8 grid gap-6 md:grid-cols-3">
            {trust.map(({ icon: Icon, title, description }) => (
              <div key={title} className="flex gap-3">
                <Icon className="mt-0.5 size-5 shrink-0 text-primary" aria-hidden />
                <div>
                  <h3 className="text-sm font-semibold">{title}</h3>
                  <p className="mt-1 text-sm text-muted-foreground">{description}</p>
                </div>
              </div>
            ))}
          </div>

          <div className="mt-16 flex flex-col items-start gap-4 rounded-2xl border bg-card p-8 shadow-xs sm:flex-row sm:items-center sm:justify-between">
            <div className="flex items-start gap-3">
              <FileCheck2 className="mt-1 size-5 shrink-0 text-primary" aria-hidden />
              <div>
                <h2 className="text-lg font-semibold">{t("cta.title")}</h2>
                <p className="mt-1 text-sm text-muted-foreground">{t("cta.description")}</p>
              </div>
            </div>
            <div className="flex gap-2">
              <Button asChild variant="outline">
                <Link href="/login">{t("nav.login")}</Link>
              </Button>
              <Button asChild>
                <Link href="/register">{t("hero.primary")}</Link>
              </Button>
            </div>
          </div>
        </section>
      </main>

      <footer className="border-t bg-background">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-6 text-xs text-muted-foreground sm:px-6">
          <span>{tBrand("footer")}</span>
          <span>{t("languages")}</span>
        </div>
      </footer>
    </div>
  );
}
