import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Link } from "@/components/ui/link";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { ObligationView } from "@/lib/obligations/present";
import type { ObligationKind, ObligationStatus } from "@/lib/obligations/schema";
import { cn } from "@/lib/utils";
import { KIND_COLOURS } from "./calendar-model";

const STATUS_VARIANT: Record<ObligationStatus, "muted" | "warning" | "destructive" | "success"> = {
  UPCOMING: "muted",
  DUE: "warning",
  OVERDUE: "destructive",
  DONE: "success",
};

export function KindDot({ kind, className }: { kind: ObligationKind; className?: string }) {
  return <span aria-hidden className={cn("inline-block size-2.5 shrink-0 rounded-full", KIND_COLOURS[kind].dot, className)} />;
}

export function ObligationStatusBadge({ status }: { status: ObligationStatus }) {
  const t = useTranslations("obligations.statuses");
  return <Badge variant={STATUS_VARIANT[status]}>{t(status)}</Badge>;
}

/** What an obligation is about: its title, else its deal. */
export function subjectOf(o: ObligationView): string | null {
  return o.title?.name ?? o.deal?.name ?? null;
}

/** The legend of the kinds' colours. */
export function KindLegend({ kinds }: { kinds: readonly ObligationKind[] }) {
  const t = useTranslations("obligations");
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground" aria-label={t("filters.kind")} data-testid="kind-legend">
      {kinds.map((k) => (
        <li key={k} className="flex items-center gap-1.5">
          <KindDot kind={k} />
          {t(`kinds.${k}`)}
        </li>
      ))}
    </ul>
  );
}

/**
 * One obligation as a row: colour and kind (linking to the record to act on), its deal or title,
 * side, status and outstanding amount; optionally its due date.
 */
export function ObligationRow({
  item,
  showDate = false,
  showDeal = true,
  compact = false,
}: {
  item: ObligationView;
  showDate?: boolean;
  showDeal?: boolean;
  /** Two lines (what and whose; when, side, amount, status), for narrow cards. */
  compact?: boolean;
}) {
  const t = useTranslations("obligations");
  const locale = useLocale();
  const subject = showDeal ? subjectOf(item) : (item.title?.name ?? null);
  const partly = item.amount && item.outstanding && item.outstanding.amount !== item.amount.amount;
  const date = showDate ? (
    <span className={cn("shrink-0 tabular-nums text-muted-foreground", !compact && "w-28")}>{formatDate(item.dueDate, locale)}</span>
  ) : null;
  const what = (
    <span className="flex min-w-0 flex-1 items-center gap-2">
      <KindDot kind={item.kind} />
      <Link href={item.href} className="shrink-0 font-medium hover:text-primary hover:underline">
        {t(`kinds.${item.kind}`)}
      </Link>
      {subject ? <span className="min-w-0 truncate text-muted-foreground">{subject}</span> : null}
    </span>
  );
  const facts = (
    <>
      <span className="text-xs text-muted-foreground">{t(`sides.${item.side}`)}</span>
      {item.amount ? <span className="tabular-nums">{formatMoney(item.amount, locale)}</span> : null}
      {partly && item.outstanding ? (
        <span className="text-xs tabular-nums text-muted-foreground">
          {t("columns.outstanding")}: {formatMoney(item.outstanding, locale)}
        </span>
      ) : null}
      <ObligationStatusBadge status={item.status} />
    </>
  );
  return (
    <li
      className={cn("py-2 text-sm", compact ? "flex flex-col gap-1" : "flex flex-wrap items-center gap-x-3 gap-y-1")}
      data-testid="obligation"
      data-kind={item.kind}
      data-status={item.status}
    >
      {compact ? (
        <>
          {what}
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1 pl-4.5">
            {date}
            {facts}
          </span>
        </>
      ) : (
        <>
          {date}
          {what}
          {facts}
        </>
      )}
    </li>
  );
}
