import { ArrowRight, ArrowUpRight, CheckCircle2, Circle } from "lucide-react";
import { useTranslations } from "next-intl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { cn } from "@/lib/utils";

export type ChecklistItemKey = "invite" | "apiKey" | "facility" | "auditLog" | "profile" | "apiDocs";

export type ChecklistItem = {
  key: ChecklistItemKey;
  href: string;
  /** true/false for steps the data can tell apart; undefined for suggestions with no "done" state. */
  done?: boolean;
  external?: boolean;
};

/** First steps for a new organisation, ticked off from real figures where they can be. */
export function GettingStarted({ items, organizationName }: { items: ChecklistItem[]; organizationName: string }) {
  const t = useTranslations("dashboard.checklist");
  const tracked = items.filter((i) => i.done !== undefined);
  const done = tracked.filter((i) => i.done).length;
  return (
    <Card data-testid="getting-started">
      <CardHeader className="flex-row items-start justify-between gap-3">
        <div className="flex flex-col gap-1.5">
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description", { organization: organizationName })}</CardDescription>
        </div>
        {tracked.length > 0 ? (
          <span className="shrink-0 rounded-full bg-muted px-2.5 py-1 text-xs font-medium text-muted-foreground tabular-nums">
            {t("progress", { done, total: tracked.length })}
          </span>
        ) : null}
      </CardHeader>
      <CardContent>
        <ul className="flex flex-col gap-1">
          {items.map((item) => {
            // Steps with a state show a tick or an open circle; plain suggestions show an arrow.
            const Icon = item.done ? CheckCircle2 : item.done === false ? Circle : ArrowUpRight;
            const body = (
              <>
                <Icon
                  className={cn("mt-0.5 size-4 shrink-0", item.done ? "text-success" : "text-muted-foreground/60")}
                  aria-label={item.done ? t("done") : undefined}
                  aria-hidden={item.done ? undefined : true}
                />
                <span className="flex min-w-0 flex-1 flex-col gap-0.5">
                  <span
                    className={cn("text-sm font-medium", item.done && "text-muted-foreground line-through decoration-muted-foreground/40")}
                  >
                    {t(`${item.key}.title`)}
                  </span>
                  <span className="text-xs text-muted-foreground">{t(`${item.key}.description`)}</span>
                </span>
                <ArrowRight
                  className="mt-0.5 size-4 shrink-0 text-muted-foreground opacity-0 transition-opacity group-hover:opacity-100"
                  aria-hidden
                />
              </>
            );
            const className = "group flex items-start gap-3 rounded-lg px-2 py-2.5 transition-colors hover:bg-muted/60";
            return (
              <li key={item.key} data-checklist={item.key} data-done={item.done === undefined ? undefined : String(item.done)}>
                {item.external ? (
                  <a href={item.href} target="_blank" rel="noreferrer" className={className}>
                    {body}
                  </a>
                ) : (
                  <Link href={item.href} className={className}>
                    {body}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      </CardContent>
    </Card>
  );
}
