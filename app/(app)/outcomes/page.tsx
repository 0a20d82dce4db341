import { AlertTriangle } from "lucide-react";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/common/page-header";
import { Breakdowns } from "@/components/outcomes/breakdowns";
import { ExportLink } from "@/components/outcomes/export-link";
import { FxRatesUsed } from "@/components/outcomes/fx-used";
import { OutcomesHeadline } from "@/components/outcomes/headline";
import { MarketTests } from "@/components/outcomes/market-tests";
import { OutcomesControls } from "@/components/outcomes/outcomes-controls";
import { PlatformView } from "@/components/outcomes/platform-view";
import { SeriesChart } from "@/components/outcomes/series-chart";
import { SeriesTable } from "@/components/outcomes/series-table";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { requireSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/i18n/format";
import { presentOutcomes, presentPlatformOutcomes, type Words } from "@/lib/outcomes/present";
import { defaultParams, getOutcomes, getPlatformOutcomes, type OutcomesParams, resolveQuery } from "@/lib/outcomes/queries";
import { type OutcomesQuery, outcomesQuerySchema } from "@/lib/outcomes/schema";
import type { Failure } from "@/lib/result";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("outcomes");
  return { title: t("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const CONTROLS = ["from", "to", "currency", "granularity"] as const;
const isControl = (path: string): path is (typeof CONTROLS)[number] => (CONTROLS as readonly string[]).includes(path);
type MissingRate = { base: string; quote: string; date: string };
/** Each missing pair once, at its earliest date (entering that rate fixes the later ones). */
function firstPerPair(f: Failure): MissingRate[] {
  const all = (f.details?.missingRates ?? []) as MissingRate[];
  return all.filter((m, i) => all.findIndex((o) => o.base === m.base && o.quote === m.quote) === i);
}
const BREAKDOWN_KEYS = ["byCountry", "byMediaRight", "byRevenueType", "byGenre", "byTitle"] as const;

export default async function OutcomesPage({ searchParams }: { searchParams: Search }) {
  const { actor } = await requireSession();
  const search = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);
  const raw = { from: one(search.from), to: one(search.to), currency: one(search.currency), granularity: one(search.granularity) };
  // A hand-edited URL with a malformed field falls back to the default for that field only.
  const query: OutcomesQuery = Object.fromEntries(
    Object.entries(raw).filter(([k, v]) => v !== undefined && outcomesQuerySchema.shape[k as keyof typeof raw].safeParse(v).success),
  );
  const resolved = resolveQuery(query);
  const params: OutcomesParams = resolved.ok ? resolved.value : { ...defaultParams(), ...query };
  const [t, locale] = await Promise.all([getTranslations("outcomes"), getLocale()]);
  const platform = can({ role: actor.role, orgKind: actor.org.kind }, "outcomes.platform");
  const qs = (extra: Record<string, string>) => new URLSearchParams({ ...params, ...extra }).toString();

  const header = (
    <>
      <PageHeader
        title={platform ? t("platform.title") : t("title")}
        description={platform ? t("platform.description") : t("description", { organization: actor.org.name })}
      />
      <div className="mb-6 flex flex-col gap-2">
        <OutcomesControls value={params} />
        <p className="text-xs text-muted-foreground">{t("definition")}</p>
      </div>
    </>
  );

  const failure = (f: Failure) => (
    <>
      {header}
      <Alert variant="destructive" data-testid="outcomes-error">
        <AlertTriangle aria-hidden />
        <AlertTitle>{f.reason === "FX_RATE_MISSING" ? t("errors.missingRatesTitle") : t("errors.invalidTitle")}</AlertTitle>
        <AlertDescription>
          <ul className="list-disc pl-4">
            {f.reason === "FX_RATE_MISSING"
              ? firstPerPair(f).map((m) => (
                  <li key={`${m.base}${m.quote}`}>{t("errors.missingRate", { ...m, date: formatDate(m.date, locale) })}</li>
                ))
              : null}
            {(f.reason === "FX_RATE_MISSING" ? [] : (f.errors ?? [])).map((e) => (
              <li key={`${e.path}${e.message}`}>
                {f.reason === "VALIDATION_FAILED" && isControl(e.path) ? t(`controls.errors.${e.path}`) : e.message}
              </li>
            ))}
          </ul>
          {f.reason === "FX_RATE_MISSING" ? (
            can({ role: actor.role, orgKind: actor.org.kind }, "fx.manage") ? (
              <Link href="/fx-rates" className="font-medium underline">
                {t("errors.enterRates")}
              </Link>
            ) : (
              <p>{t("errors.askAdmin")}</p>
            )
          ) : null}
        </AlertDescription>
      </Alert>
    </>
  );
  if (!resolved.ok) return failure(resolved);

  const period = t("period", { from: formatDate(params.from, locale), to: formatDate(params.to, locale), currency: params.currency });

  if (platform) {
    const report = await getPlatformOutcomes(params);
    if (!report.ok) return failure(report);
    const view = presentPlatformOutcomes(report.value, locale === "zh" ? "zh" : "en");
    return (
      <>
        {header}
        <div className="flex flex-col gap-6">
          <p className="text-sm text-muted-foreground">{period}</p>
          <OutcomesHeadline ratio={view.ratio} receipts={view.receipts} payments={view.payments} platform />
          <Card>
            <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
              <div className="flex flex-col gap-1">
                <CardTitle>{t("series.title")}</CardTitle>
                <CardDescription>{t("platform.seriesDescription")}</CardDescription>
              </div>
            </CardHeader>
            <CardContent>
              <SeriesChart series={view.series} currency={view.currency} />
            </CardContent>
          </Card>
          <PlatformView
            byHomeCountry={view.byHomeCountry}
            studios={view.studios}
            currency={view.currency}
            exportHrefs={{
              byHomeCountry: `/api/v1/outcomes/platform/export?${qs({ table: "byHomeCountry" })}`,
              studios: `/api/v1/outcomes/platform/export?${qs({ table: "studios" })}`,
            }}
          />
          <Card>
            <CardHeader>
              <CardTitle>{t("fxUsed.title")}</CardTitle>
              <CardDescription>{t("fxUsed.description")}</CardDescription>
            </CardHeader>
            <CardContent>
              <FxRatesUsed rates={view.fxRatesUsed} currency={view.currency} />
            </CardContent>
          </Card>
        </div>
      </>
    );
  }

  const report = await getOutcomes(actor, params);
  if (!report.ok) return failure(report);
  const words: Words = {
    revenueType: (key) => t(`revenueType.${key}` as "revenueType.OTHER"),
    unallocated: t("unallocated"),
    noGenre: t("noGenre"),
  };
  const view = presentOutcomes(report.value, locale === "zh" ? "zh" : "en", words);
  return (
    <>
      {header}
      <div className="flex flex-col gap-6">
        <p className="text-sm text-muted-foreground">{period}</p>
        <OutcomesHeadline
          ratio={view.ratio}
          receipts={view.receipts}
          payments={view.payments}
          receiptCount={view.receiptCount}
          paymentCount={view.paymentCount}
        />
        <Card>
          <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
            <div className="flex flex-col gap-1">
              <CardTitle>{t("series.title")}</CardTitle>
              <CardDescription>{t("series.description")}</CardDescription>
            </div>
            <ExportLink href={`/api/v1/outcomes/export?${qs({ breakdown: "series" })}`} />
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <SeriesChart series={view.series} currency={view.currency} />
            <SeriesTable series={view.series} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("breakdowns.title")}</CardTitle>
            <CardDescription>{t("breakdowns.description")}</CardDescription>
          </CardHeader>
          <CardContent>
            <Breakdowns
              breakdowns={{
                byCountry: view.byCountry,
                byMediaRight: view.byMediaRight,
                byRevenueType: view.byRevenueType,
                byGenre: view.byGenre,
                byTitle: view.byTitle,
              }}
              currency={view.currency}
              totals={{ receipts: view.receipts, payments: view.payments }}
              exportHrefs={
                Object.fromEntries(BREAKDOWN_KEYS.map((k) => [k, `/api/v1/outcomes/export?${qs({ breakdown: k })}`])) as Record<
                  (typeof BREAKDOWN_KEYS)[number],
                  string
                >
              }
            />
          </CardContent>
        </Card>
        <Card data-testid="outcomes-market-tests">
          <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
            <div className="flex flex-col gap-1">
              <CardTitle>{t("marketTests.title")}</CardTitle>
              <CardDescription>{t("marketTests.description")}</CardDescription>
            </div>
            {view.marketTests.length > 0 ? <ExportLink href={`/api/v1/outcomes/export?${qs({ breakdown: "marketTests" })}`} /> : null}
          </CardHeader>
          <CardContent>
            <MarketTests rows={view.marketTests} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("fxUsed.title")}</CardTitle>
            <CardDescription>{t("fxUsed.description")}</CardDescription>
          </CardHeader>
          <CardContent>
            <FxRatesUsed rates={view.fxRatesUsed} currency={view.currency} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
