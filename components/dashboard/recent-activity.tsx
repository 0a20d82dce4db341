import { useLocale, useTranslations } from "next-intl";
import { AuditAction, AuditEntity, type AuditEntryView } from "@/components/audit/audit-parts";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { formatRelativeTime } from "@/lib/i18n/format";

/** The latest audit entries of the organisation, for people allowed to read the audit log. */
export function RecentActivity({ entries }: { entries: AuditEntryView[] }) {
  const t = useTranslations("dashboard.recent");
  const tAudit = useTranslations("auditLog");
  const locale = useLocale();
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between gap-3">
        <CardTitle>{t("title")}</CardTitle>
        <Link href="/settings/audit-log" className="text-sm font-medium text-primary hover:underline">
          {t("viewAll")}
        </Link>
      </CardHeader>
      <CardContent>
        {entries.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          <ol className="flex flex-col divide-y">
            {entries.map((entry) => (
              <li key={entry.id} className="flex items-start justify-between gap-4 py-2.5 text-sm first:pt-0 last:pb-0">
                <span className="flex min-w-0 flex-col gap-1">
                  <AuditAction action={entry.action} showCode={false} />
                  <span className="truncate text-xs text-muted-foreground">
                    {entry.viaApiKey ? tAudit("viaApiKey", { name: entry.viaApiKey }) : (entry.actor?.name ?? tAudit("actorSystem"))}
                  </span>
                </span>
                <span className="flex shrink-0 flex-col items-end gap-1 text-right text-xs text-muted-foreground">
                  <time dateTime={entry.at.toISOString()}>{formatRelativeTime(entry.at, locale)}</time>
                  <AuditEntity entityType={entry.entityType} entityId={entry.entityId} subject={entry.subject} showId={false} />
                </span>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
