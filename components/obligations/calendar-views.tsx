import { ChevronLeft, ChevronRight } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { toIntlLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import type { ObligationView } from "@/lib/obligations/present";
import { cn } from "@/lib/utils";
import { type CalendarParams, calendarHref, DAY_CELL_LIMIT, groupByDate, KIND_COLOURS, monthGrid, shiftMonth } from "./calendar-model";
import { ObligationRow, subjectOf } from "./obligation-item";

/** "December 2026" / "2026年12月" for "YYYY-MM". */
export function monthLabel(month: string, locale: string): string {
  return new Intl.DateTimeFormat(toIntlLocale(locale), { year: "numeric", month: "long", timeZone: "UTC" }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

/** The view switch and the month navigation (previous, today, next). */
export function CalendarToolbar({ params, today }: { params: CalendarParams; today: string }) {
  const t = useTranslations("obligations");
  const locale = useLocale();
  const month = params.month;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <nav className="inline-flex rounded-md border p-0.5" aria-label={t("title")}>
        {(["month", "agenda"] as const).map((view) => (
          <Link
            key={view}
            href={calendarHref(params, { view, month: view === "month" ? (month ?? today.slice(0, 7)) : month })}
            aria-current={params.view === view ? "page" : undefined}
            className={cn(
              "rounded px-3 py-1 text-sm font-medium",
              params.view === view ? "bg-primary text-primary-foreground" : "text-muted-foreground hover:text-foreground",
            )}
          >
            {t(`views.${view}`)}
          </Link>
        ))}
      </nav>
      <div className="flex items-center gap-2">
        {month ? (
          <>
            <Button asChild variant="outline" size="icon" aria-label={t("filters.previous")}>
              <Link href={calendarHref(params, { month: shiftMonth(month, -1) })}>
                <ChevronLeft aria-hidden />
              </Link>
            </Button>
            <h2 className="min-w-36 text-center text-base font-semibold" data-testid="calendar-month">
              {monthLabel(month, locale)}
            </h2>
            <Button asChild variant="outline" size="icon" aria-label={t("filters.next")}>
              <Link href={calendarHref(params, { month: shiftMonth(month, 1) })}>
                <ChevronRight aria-hidden />
              </Link>
            </Button>
          </>
        ) : null}
        <Button asChild variant="outline" size="sm">
          <Link href={calendarHref(params, { month: today.slice(0, 7) })}>{t("filters.today")}</Link>
        </Button>
      </div>
    </div>
  );
}

/** The month grid: weeks from Monday, each obligation on its due date (the first few, then "+n more"). */
export function MonthView({ params, today, items }: { params: CalendarParams; today: string; items: ObligationView[] }) {
  const t = useTranslations("obligations");
  const locale = useLocale();
  const month = params.month ?? today.slice(0, 7);
  const weeks = monthGrid(month, today);
  const byDate = new Map(groupByDate(items).map((g) => [g.date, g.items]));
  const weekday = new Intl.DateTimeFormat(toIntlLocale(locale), { weekday: "short", timeZone: "UTC" });
  return (
    <div className="overflow-x-auto rounded-lg border">
      <table className="w-full min-w-[44rem] table-fixed border-collapse text-xs" data-testid="month-view">
        <thead>
          <tr>
            {weeks[0]!.map((d) => (
              <th key={d.date} scope="col" className="border-b bg-muted/40 px-2 py-1.5 text-left font-medium text-muted-foreground">
                {weekday.format(new Date(`${d.date}T00:00:00Z`))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]!.date}>
              {week.map((d) => {
                const dayItems = byDate.get(d.date) ?? [];
                return (
                  <td
                    key={d.date}
                    data-date={d.date}
                    aria-current={d.isToday ? "date" : undefined}
                    className={cn("h-24 border-b border-r align-top last:border-r-0", !d.inMonth && "bg-muted/30 text-muted-foreground")}
                  >
                    <div className="flex h-full flex-col gap-1 p-1.5">
                      <span
                        className={cn(
                          "inline-flex size-6 items-center justify-center rounded-full tabular-nums",
                          d.isToday && "bg-primary font-semibold text-primary-foreground",
                        )}
                      >
                        <span className="sr-only">{formatDate(d.date, locale)}</span>
                        <span aria-hidden>{Number(d.date.slice(8))}</span>
                      </span>
                      {d.inMonth || dayItems.length > 0 ? (
                        <ul className="flex flex-col gap-0.5">
                          {dayItems.slice(0, DAY_CELL_LIMIT).map((o) => (
                            <li key={o.id} data-testid="obligation" data-kind={o.kind} data-status={o.status}>
                              <Link
                                href={o.href}
                                title={[t(`kinds.${o.kind}`), subjectOf(o), t(`statuses.${o.status}`)].filter(Boolean).join(" · ")}
                                className={cn(
                                  "block truncate rounded border-l-4 px-1 py-0.5 hover:underline",
                                  KIND_COLOURS[o.kind].chip,
                                  o.status === "DONE" && "line-through opacity-70",
                                  o.status === "OVERDUE" && "font-semibold",
                                )}
                              >
                                {t(`kinds.${o.kind}`)}
                                {subjectOf(o) ? ` · ${subjectOf(o)}` : ""}
                              </Link>
                            </li>
                          ))}
                          {dayItems.length > DAY_CELL_LIMIT ? (
                            <li>
                              <Link
                                href={calendarHref(params, { view: "agenda", month })}
                                className="text-muted-foreground hover:underline"
                              >
                                {t("more", { count: dayItems.length - DAY_CELL_LIMIT })}
                              </Link>
                            </li>
                          ) : null}
                        </ul>
                      ) : null}
                    </div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The agenda: obligations grouped under their due date. */
export function AgendaView({ items, today }: { items: ObligationView[]; today: string }) {
  const t = useTranslations("obligations");
  const locale = useLocale();
  const groups = groupByDate(items);
  if (groups.length === 0) return <p className="rounded-lg border p-6 text-center text-sm text-muted-foreground">{t("empty")}</p>;
  return (
    <div className="flex flex-col gap-4" data-testid="agenda-view">
      {groups.map((g) => (
        <section key={g.date} aria-labelledby={`day-${g.date}`} className="rounded-lg border px-4 py-2">
          <h3 id={`day-${g.date}`} className="flex items-center gap-2 border-b pb-1.5 text-sm font-semibold">
            {formatDate(g.date, locale, { style: "full" })}
            {g.date === today ? <span className="text-xs font-normal text-primary">{t("filters.today")}</span> : null}
          </h3>
          <ul className="divide-y">
            {g.items.map((o) => (
              <ObligationRow key={o.id} item={o} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
