"use client";

import { CircleCheck, OctagonAlert, ShieldAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Link } from "@/components/ui/link";
import { useFormat } from "@/lib/i18n/use-format";
import type { NameMaps } from "./options";

export type ConflictView = {
  /** null when the viewer is not a party to the conflicting deal. */
  dealId: string | null;
  dealName: string;
  grantId: string | null;
  titleId: string;
  titleName: string;
  countries: string[];
  media: string[];
  start: string;
  end: string;
  holdback: boolean;
};
export type UncoveredView = { titleId: string; grantId: string; countries: string[]; media: string[]; start: string; end: string };

const SHOWN = 12;

/** A long country list reads as its first names and "+N more", expandable. */
export function NameList({ codes, names }: { codes: string[]; names: Record<string, string> }) {
  const t = useTranslations("deals.conflicts");
  const labels = codes.map((c) => names[c] ?? c);
  if (labels.length <= SHOWN) return <span>{labels.join(t("separator"))}</span>;
  return (
    <details className="inline">
      <summary className="cursor-pointer list-none">
        {labels.slice(0, SHOWN).join(t("separator"))}{" "}
        <span className="text-primary underline-offset-2 hover:underline">{t("more", { count: labels.length - SHOWN })}</span>
      </summary>
      <span className="mt-1 block text-muted-foreground">{labels.slice(SHOWN).join(t("separator"))}</span>
    </details>
  );
}

/**
 * Rights conflicts (with signed deals, or between this deal's own grants) and grants that reach
 * beyond the rights the licensor holds: the lists a refused signature names, shown before anyone
 * signs. Links go to the other deal only for a party to it (the licensor); others see its name.
 */
export function ConflictList({
  conflicts,
  uncovered,
  names,
  dealId,
  titleNames,
  linkDeals,
}: {
  conflicts: ConflictView[];
  uncovered: UncoveredView[];
  names: NameMaps;
  dealId: string;
  titleNames: Record<string, string>;
  linkDeals: boolean;
}) {
  const t = useTranslations("deals.conflicts");
  const format = useFormat();
  const window = (start: string, end: string) => t("window", { start: format.date(start), end: format.date(end) });
  return (
    <ul className="grid gap-3" data-testid="conflict-list">
      {conflicts.map((c) => (
        <li
          key={`${c.dealId}-${c.grantId}-${c.start}-${c.holdback}`}
          className="grid gap-1 rounded-lg border border-destructive/25 bg-destructive/5 p-3 text-sm"
        >
          <div className="flex flex-wrap items-center gap-2 font-medium">
            <OctagonAlert className="size-4 text-destructive" aria-hidden />
            {c.dealId === dealId ? (
              <span>{t("ownGrants")}</span>
            ) : c.dealId === null ? (
              <span>{t("withPrivate")}</span>
            ) : (
              <span>
                {t("with")}{" "}
                {linkDeals ? (
                  <Link href={`/deals/${c.dealId}`} className="text-primary hover:underline">
                    {c.dealName}
                  </Link>
                ) : (
                  c.dealName
                )}
              </span>
            )}
            {c.holdback ? <Badge variant="warning">{t("holdback")}</Badge> : null}
          </div>
          <dl className="grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[8rem_minmax(0,1fr)]">
            <dt className="text-muted-foreground">{t("title")}</dt>
            <dd>{titleNames[c.titleId] ?? c.titleName}</dd>
            <dt className="text-muted-foreground">{t("countries", { count: c.countries.length })}</dt>
            <dd>
              <NameList codes={c.countries} names={names.territories} />
            </dd>
            <dt className="text-muted-foreground">{t("media")}</dt>
            <dd>{c.media.map((m) => names.media[m] ?? m).join(t("separator"))}</dd>
            <dt className="text-muted-foreground">{t("dates")}</dt>
            <dd className="tabular-nums">{window(c.start, c.end)}</dd>
          </dl>
        </li>
      ))}
      {uncovered.map((u) => (
        <li
          key={`${u.grantId}-${u.start}-${u.countries[0]}-${u.media[0]}`}
          className="grid gap-1 rounded-lg border border-warning/40 bg-warning/10 p-3 text-sm"
        >
          <div className="flex items-center gap-2 font-medium">
            <ShieldAlert className="size-4 text-warning-foreground" aria-hidden />
            <span>{t("notHeld")}</span>
          </div>
          <dl className="grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[8rem_minmax(0,1fr)]">
            <dt className="text-muted-foreground">{t("title")}</dt>
            <dd>{titleNames[u.titleId] ?? u.titleId}</dd>
            <dt className="text-muted-foreground">{t("countries", { count: u.countries.length })}</dt>
            <dd>
              <NameList codes={u.countries} names={names.territories} />
            </dd>
            <dt className="text-muted-foreground">{t("media")}</dt>
            <dd>{u.media.map((m) => names.media[m] ?? m).join(t("separator"))}</dd>
            <dt className="text-muted-foreground">{t("datesNotHeld")}</dt>
            <dd className="tabular-nums">{window(u.start, u.end)}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}

/** The "can this be signed?" panel of a draft or proposed deal. */
export function ConflictsPanel(props: {
  conflicts: ConflictView[];
  uncovered: UncoveredView[];
  names: NameMaps;
  dealId: string;
  titleNames: Record<string, string>;
  linkDeals: boolean;
  hasGrants: boolean;
}) {
  const t = useTranslations("deals.conflicts");
  const count = props.conflicts.length + props.uncovered.length;
  if (!props.hasGrants) return null;
  if (count === 0) {
    return (
      <Alert variant="success" data-testid="conflicts-panel">
        <CircleCheck aria-hidden />
        <AlertTitle>{t("clearTitle")}</AlertTitle>
        <AlertDescription>{t("clearDescription")}</AlertDescription>
      </Alert>
    );
  }
  return (
    <section
      aria-labelledby="conflicts-heading"
      className="grid gap-3 rounded-xl border border-destructive/30 bg-card p-5 shadow-xs"
      data-testid="conflicts-panel"
    >
      <div className="grid gap-1">
        <h2 id="conflicts-heading" className="flex items-center gap-2 text-base font-semibold text-destructive">
          <OctagonAlert className="size-4" aria-hidden />
          {t("panelTitle", { count })}
        </h2>
        <p className="text-sm text-muted-foreground">{t("panelDescription")}</p>
      </div>
      <ConflictList {...props} />
    </section>
  );
}
