import { AlarmClock, CalendarClock } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { formatNumber } from "@/lib/i18n/format";
import type { ObligationView } from "@/lib/obligations/present";
import { ObligationRow } from "./obligation-item";

/** How many obligations each dashboard card lists before "Open the calendar". */
export const DASHBOARD_ITEMS = 3;

/** The dashboard's "Overdue" and "Due in the next 7 days", each with its count and first items. */
export function ObligationDashboardCards({ overdue, dueSoon }: { overdue: ObligationView[]; dueSoon: ObligationView[] }) {
  const t = useTranslations("obligations.dashboard");
  return (
    <div className="mb-4 grid gap-4 md:grid-cols-2">
      <ObligationCard testId="obligations-overdue" title={t("overdue")} items={overdue} href="/obligations?status=OVERDUE" overdue />
      <ObligationCard testId="obligations-due" title={t("dueSoon")} items={dueSoon} href="/obligations?status=DUE" />
    </div>
  );
}

function ObligationCard({
  title,
  items,
  href,
  overdue = false,
  testId,
}: {
  title: string;
  items: ObligationView[];
  href: string;
  overdue?: boolean;
  testId: string;
}) {
  const t = useTranslations("obligations.dashboard");
  const locale = useLocale();
  const Icon = overdue ? AlarmClock : CalendarClock;
  return (
    <Card data-testid={testId}>
      <CardHeader className="flex flex-row items-center justify-between gap-3">
        <CardTitle className="flex items-center gap-2">
          <Icon aria-hidden className={overdue && items.length > 0 ? "size-4 text-destructive" : "size-4 text-muted-foreground"} />
          <Link href={href} className="hover:underline">
            {title}
          </Link>
        </CardTitle>
        <Badge variant={items.length === 0 ? "muted" : overdue ? "destructive" : "warning"} data-testid="count">
          {formatNumber(items.length, locale)}
        </Badge>
      </CardHeader>
      <CardContent className="flex flex-col gap-2">
        {items.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("none")}</p>
        ) : (
          <ul className="divide-y">
            {items.slice(0, DASHBOARD_ITEMS).map((o) => (
              <ObligationRow key={o.id} item={o} showDate compact />
            ))}
          </ul>
        )}
        <Link href={href} className="text-sm font-medium text-primary hover:underline">
          {t("open")}
        </Link>
      </CardContent>
    </Card>
  );
}
