import { Banknote } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";

/**
 * On a signed cross-border deal, for the licensor studio: a way to the advance application with
 * the deal chosen. The deal page decides whether to show it; the application checks it again.
 */
export function ApplyForAdvanceLink({ dealId }: { dealId: string }) {
  const t = useTranslations("facility.dealLink");
  return (
    <div
      className="flex flex-col gap-3 rounded-xl border border-primary/15 bg-accent/40 p-4 sm:flex-row sm:items-center sm:justify-between"
      data-testid="apply-for-advance"
    >
      <div className="grid gap-0.5">
        <p className="text-sm font-medium">{t("title")}</p>
        <p className="text-xs text-muted-foreground">{t("description")}</p>
      </div>
      <Button asChild size="sm" className="shrink-0">
        <Link href={`/advances/new?deal=${dealId}`}>
          <Banknote aria-hidden />
          {t("action")}
        </Link>
      </Button>
    </div>
  );
}
