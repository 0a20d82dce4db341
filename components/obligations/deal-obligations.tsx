import { useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import type { ObligationView } from "@/lib/obligations/present";
import { ObligationRow } from "./obligation-item";

/** A deal page's own obligations (instalments, statements, overage, expiries…), in due-date order. */
export function DealObligations({ items }: { items: ObligationView[] }) {
  const t = useTranslations("obligations.deal");
  return (
    <Card data-testid="deal-obligations">
      <CardHeader className="flex flex-row items-center justify-between gap-3">
        <CardTitle>{t("heading")}</CardTitle>
        <Link href="/obligations?view=agenda" className="text-sm font-medium text-primary hover:underline">
          {t("calendar")}
        </Link>
      </CardHeader>
      <CardContent>
        {items.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          <ul className="divide-y">
            {items.map((o) => (
              <ObligationRow key={o.id} item={o} showDate showDeal={false} />
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
