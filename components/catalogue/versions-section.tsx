import { GitBranch, Layers } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import type * as React from "react";
import { EmptyState } from "@/components/common/empty-state";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ActionResult } from "@/lib/actions/result";
import { type EditCategory, MARKET_TEST_METHODS } from "@/lib/catalogue/schema";
import { countryName } from "@/lib/i18n/countries";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { cn } from "@/lib/utils";
import { languageLabel } from "./languages";
import { MarketTestChart, type TerritoryScore } from "./market-test-chart";
import { MarketTestDialog } from "./market-test-dialog";
import { type TerritoryChoice, VersionDialog } from "./version-dialog";

type VersionStatus = "PLANNED" | "IN_PRODUCTION" | "DELIVERED" | "WITHDRAWN";

export type VersionView = {
  id: string;
  kind: "ORIGINAL" | "INTERNATIONAL";
  /** As stored (what the edit form changes). */
  name: string;
  /** As shown: the default name of the ORIGINAL version reads in the UI language. */
  label: string;
  derivedFromId: string | null;
  territories: { code: string; name: string }[];
  audioLanguages: string[];
  subtitleLanguages: string[];
  runtimeMinutes: number | null;
  status: VersionStatus;
  eidrEdit: string | null;
  changes: { id: string; category: EditCategory; description: string }[];
  marketTests: { id: string; territory: string; date: string; audienceSize: number; score: number; method: string; notes: string | null }[];
  lockVersion: number;
};

/** What editing needs; absent for people who may only read the title. */
export type VersionEditing = {
  titleId: string;
  territories: TerritoryChoice[];
  suggestedLanguages: readonly string[];
  createVersionAction: (titleId: string, input: unknown) => Promise<ActionResult<{ id: string }>>;
  updateVersionAction: (titleId: string, versionId: string, input: unknown) => Promise<ActionResult<{ id: string; lockVersion: number }>>;
  createMarketTestAction: (titleId: string, versionId: string, input: unknown) => Promise<ActionResult<{ id: string }>>;
};

const STATUS_BADGE: Record<VersionStatus, NonNullable<BadgeProps["variant"]>> = {
  PLANNED: "muted",
  IN_PRODUCTION: "warning",
  DELIVERED: "success",
  WITHDRAWN: "destructive",
};

const SHOWN_TERRITORIES = 8;

/** Methods recorded through the API may be free text; the known ones are shown translated. */
const isMethod = (m: string): m is (typeof MARKET_TEST_METHODS)[number] => (MARKET_TEST_METHODS as readonly string[]).includes(m);

/** Versions as a derivation tree (each INTERNATIONAL version under the one it was cut from). */
export async function VersionsSection({ versions, editing }: { versions: VersionView[]; editing?: VersionEditing }) {
  const t = await getTranslations("catalogue.versions");
  const children = new Map<string | null, VersionView[]>();
  const ids = new Set(versions.map((v) => v.id));
  for (const version of versions) {
    const parent = version.derivedFromId && ids.has(version.derivedFromId) ? version.derivedFromId : null;
    children.set(parent, [...(children.get(parent) ?? []), version]);
  }
  const original = versions.find((v) => v.kind === "ORIGINAL") ?? versions[0];
  const names = new Map(versions.map((v) => [v.id, v.label]));

  return (
    <section aria-labelledby="versions-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h2 id="versions-heading" className="text-base font-semibold">
            {t("title")}
          </h2>
          <p className="text-sm text-muted-foreground">{t("description", { count: versions.length })}</p>
        </div>
        {editing && original ? (
          <VersionDialog
            mode="create"
            titleId={editing.titleId}
            versions={versions.map((v) => ({ id: v.id, name: v.label }))}
            territories={editing.territories}
            suggestedLanguages={editing.suggestedLanguages}
            createAction={editing.createVersionAction}
            defaults={{
              name: "",
              derivedFromId: original.id,
              territories: [],
              audioLanguages: [],
              subtitleLanguages: [],
              runtimeMinutes: original.runtimeMinutes,
              status: "PLANNED",
              eidrEdit: "",
              changes: [],
            }}
          />
        ) : null}
      </div>
      {versions.length === 0 ? (
        <EmptyState icon={Layers} title={t("empty")} />
      ) : (
        <VersionTree parent={null} tree={children} names={names} versions={versions} editing={editing} depth={0} />
      )}
    </section>
  );
}

function VersionTree({
  parent,
  tree,
  names,
  versions,
  editing,
  depth,
}: {
  parent: string | null;
  tree: Map<string | null, VersionView[]>;
  names: Map<string, string>;
  versions: VersionView[];
  editing?: VersionEditing;
  depth: number;
}) {
  const items = tree.get(parent) ?? [];
  if (items.length === 0) return null;
  return (
    <ul className={cn("flex flex-col gap-4", depth > 0 && "mt-4 ml-3 border-l-2 border-dashed border-border pl-4 sm:ml-6 sm:pl-6")}>
      {items.map((version) => (
        <li key={version.id}>
          <VersionCard
            version={version}
            parentName={version.derivedFromId ? names.get(version.derivedFromId) : undefined}
            versions={versions}
            editing={editing}
          />
          <VersionTree parent={version.id} tree={tree} names={names} versions={versions} editing={editing} depth={depth + 1} />
        </li>
      ))}
    </ul>
  );
}

async function VersionCard({
  version,
  parentName,
  versions,
  editing,
}: {
  version: VersionView;
  parentName?: string;
  versions: VersionView[];
  editing?: VersionEditing;
}) {
  const [t, tKind, tStatus, tCategory, tMethod, locale] = await Promise.all([
    getTranslations("catalogue.versions"),
    getTranslations("catalogue.versionKinds"),
    getTranslations("catalogue.versionStatus"),
    getTranslations("catalogue.editCategories"),
    getTranslations("catalogue.methods"),
    getLocale(),
  ]);
  const languages = (tags: string[]) => (tags.length ? tags.map((tag) => languageLabel(tag, locale)).join(", ") : t("none"));
  const shown = version.territories.slice(0, SHOWN_TERRITORIES);
  const more = version.territories.length - shown.length;
  const method = (m: string) => (isMethod(m) ? tMethod(m) : m);

  const scores = new Map<string, { total: number; tests: number; audience: number }>();
  for (const test of version.marketTests) {
    const s = scores.get(test.territory) ?? { total: 0, tests: 0, audience: 0 };
    scores.set(test.territory, { total: s.total + test.score, tests: s.tests + 1, audience: s.audience + test.audienceSize });
  }
  const chart: TerritoryScore[] = [...scores.entries()]
    .map(([territory, s]) => ({
      territory,
      name: countryName(territory, locale),
      score: s.total / s.tests,
      tests: s.tests,
      audience: s.audience,
    }))
    .sort((a, b) => b.score - a.score);

  return (
    <article
      className="rounded-xl border bg-card shadow-xs"
      aria-labelledby={`version-${version.id}`}
      data-testid="version-card"
      data-version-id={version.id}
    >
      <header className="flex flex-wrap items-start justify-between gap-3 border-b px-5 py-4">
        <div className="flex min-w-0 flex-col gap-1">
          <div className="flex flex-wrap items-center gap-2">
            {version.derivedFromId ? <GitBranch className="size-4 text-muted-foreground" aria-hidden /> : null}
            <h3 id={`version-${version.id}`} className="font-semibold">
              {version.label}
            </h3>
            <Badge variant={version.kind === "ORIGINAL" ? "brand" : "teal"}>{tKind(version.kind)}</Badge>
            <Badge variant={STATUS_BADGE[version.status]}>{tStatus(version.status)}</Badge>
          </div>
          {parentName ? <p className="text-xs text-muted-foreground">{t("derivedFrom", { name: parentName })}</p> : null}
        </div>
        {editing ? (
          <div className="flex flex-wrap gap-2">
            <MarketTestDialog
              titleId={editing.titleId}
              versionId={version.id}
              versionName={version.label}
              createAction={editing.createMarketTestAction}
            />
            <VersionDialog
              mode="edit"
              titleId={editing.titleId}
              versionId={version.id}
              versionName={version.label}
              lockVersion={version.lockVersion}
              versions={versions.map((v) => ({ id: v.id, name: v.label }))}
              territories={editing.territories}
              suggestedLanguages={editing.suggestedLanguages}
              updateAction={editing.updateVersionAction}
              defaults={{
                name: version.name,
                derivedFromId: version.derivedFromId,
                territories: version.territories.map((x) => x.code),
                audioLanguages: version.audioLanguages,
                subtitleLanguages: version.subtitleLanguages,
                runtimeMinutes: version.runtimeMinutes,
                status: version.status,
                eidrEdit: version.eidrEdit ?? "",
                changes: version.changes.map((c) => ({ category: c.category, description: c.description })),
              }}
            />
          </div>
        ) : null}
      </header>
      <div className="grid gap-5 px-5 py-4">
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
          <Fact label={t("territories")} className="sm:col-span-2 lg:col-span-3">
            {shown.map((x) => x.name).join(", ")}
            {more > 0 ? <span className="text-muted-foreground"> {t("more", { count: more })}</span> : null}
          </Fact>
          <Fact label={t("audio")}>{languages(version.audioLanguages)}</Fact>
          <Fact label={t("subtitles")}>{languages(version.subtitleLanguages)}</Fact>
          <Fact label={t("runtime")}>
            {version.runtimeMinutes ? t("minutes", { minutes: formatNumber(version.runtimeMinutes, locale) }) : t("none")}
          </Fact>
          {version.eidrEdit ? (
            <Fact label={t("eidrEdit")}>
              <span className="font-mono text-xs">{version.eidrEdit}</span>
            </Fact>
          ) : null}
        </dl>
        {version.changes.length > 0 ? (
          <div className="grid gap-2">
            <h4 className="text-xs font-medium text-muted-foreground">{t("changes")}</h4>
            <ul className="grid gap-1.5 text-sm">
              {version.changes.map((change) => (
                <li key={change.id} className="flex flex-wrap items-baseline gap-2">
                  <Badge variant="outline">{tCategory(change.category)}</Badge>
                  <span>{change.description}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="grid gap-3">
          <h4 className="text-xs font-medium text-muted-foreground">{t("marketTests")}</h4>
          {version.marketTests.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("noMarketTests")}</p>
          ) : (
            <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
              <MarketTestChart data={chart} />
              <div className="min-w-0 overflow-hidden rounded-lg border">
                <Table aria-label={t("marketTestsOf", { name: version.label })}>
                  <TableHeader>
                    <TableRow className="hover:bg-transparent">
                      <TableHead scope="col">{t("columns.territory")}</TableHead>
                      <TableHead scope="col">{t("columns.date")}</TableHead>
                      <TableHead scope="col" className="text-right">
                        {t("columns.audience")}
                      </TableHead>
                      <TableHead scope="col" className="text-right">
                        {t("columns.score")}
                      </TableHead>
                      <TableHead scope="col">{t("columns.method")}</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {version.marketTests.map((test) => (
                      <TableRow key={test.id}>
                        <TableCell>
                          <span className="flex flex-col">
                            <span>{countryName(test.territory, locale)}</span>
                            {test.notes ? <span className="line-clamp-2 text-xs text-muted-foreground">{test.notes}</span> : null}
                          </span>
                        </TableCell>
                        <TableCell className="whitespace-nowrap">{formatDate(test.date, locale)}</TableCell>
                        <TableCell className="text-right tabular-nums">{formatNumber(test.audienceSize, locale)}</TableCell>
                        <TableCell className="text-right font-medium tabular-nums">{formatNumber(test.score, locale)}</TableCell>
                        <TableCell>{method(test.method)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            </div>
          )}
        </div>
      </div>
    </article>
  );
}

function Fact({ label, children, className }: { label: React.ReactNode; children: React.ReactNode; className?: string }) {
  return (
    <div className={cn("flex min-w-0 flex-col gap-0.5", className)}>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}
