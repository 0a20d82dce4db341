import { KeyRound } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { AuditSubject } from "@/lib/audit/schema";
import { cn } from "@/lib/utils";
import { actionMessageKey, type DiffRow, diffValues, fieldLabel, formatAuditValue, isEntityType, type ValueContext } from "./present";

export type AuditEntryView = {
  id: string;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  actor: { id: string; name: string; email: string } | null;
  viaApiKey: string | null;
  before: unknown;
  after: unknown;
  /** The record by name in both languages and the currency of its amounts (lib/audit/queries.ts#auditSubjects). */
  subject?: AuditSubject | null;
};

/** The action in words, with its stable code underneath for people who search logs. */
export function AuditAction({ action, showCode = true }: { action: string; showCode?: boolean }) {
  const t = useTranslations("auditLog.actions");
  const key = actionMessageKey(action);
  return (
    <span className="flex flex-col gap-0.5">
      <span className="font-medium text-foreground">{key ? t(key) : action}</span>
      {showCode && key ? <code className="font-mono text-[11px] text-muted-foreground">{action}</code> : null}
    </span>
  );
}

/**
 * The record: its type in words and its name in the reader's language (a title's Chinese title for
 * a Chinese reader). The id shows only where the record has no name, and only with `showId` (the
 * audit log); the activity feed never shows raw ids.
 */
export function AuditEntity({
  entityType,
  entityId,
  subject,
  showId = true,
}: {
  entityType: string;
  entityId: string;
  subject?: AuditSubject | null;
  showId?: boolean;
}) {
  const t = useTranslations("auditLog.entityTypes");
  const locale = useLocale();
  const name = subject?.name ? (locale === "zh" ? subject.name.zh : subject.name.en) : null;
  return (
    <span className="flex min-w-0 flex-col gap-0.5">
      <span>{isEntityType(entityType) ? t(entityType) : entityType}</span>
      {name ? (
        <span className="max-w-56 truncate text-xs text-muted-foreground" title={name}>
          {name}
        </span>
      ) : showId ? (
        <code className="font-mono text-[11px] text-muted-foreground" title={entityId}>
          {entityId.length > 13 ? `${entityId.slice(0, 8)}…` : entityId}
        </code>
      ) : null}
    </span>
  );
}

/** A person, a person's API key, or the system (seed, jobs). */
export function AuditActor({ actor, viaApiKey }: Pick<AuditEntryView, "actor" | "viaApiKey">) {
  const t = useTranslations("auditLog");
  if (viaApiKey) {
    return (
      <Badge variant="teal" className="max-w-56">
        <KeyRound aria-hidden />
        <span className="truncate">{t("viaApiKey", { name: viaApiKey })}</span>
      </Badge>
    );
  }
  if (!actor) return <span className="text-muted-foreground">{t("actorSystem")}</span>;
  return (
    <span className="flex min-w-0 flex-col gap-0.5">
      <span className="truncate font-medium">{actor.name}</span>
      <span className="truncate text-xs text-muted-foreground">{actor.email}</span>
    </span>
  );
}

type ShownRow = { key: string; label: string; change: DiffRow["change"]; before?: string; after?: string };

function DiffLine({ row }: { row: ShownRow }) {
  return (
    <li className="flex min-w-0 flex-wrap items-baseline gap-x-1.5 text-xs">
      {row.label ? <span className="text-muted-foreground">{row.label}:</span> : null}
      {row.before !== undefined ? (
        <span
          className={cn("break-words", row.change === "removed" ? "text-destructive line-through" : "text-muted-foreground line-through")}
        >
          {row.before}
        </span>
      ) : null}
      {row.change === "changed" ? (
        <span aria-hidden className="text-muted-foreground">
          →
        </span>
      ) : null}
      {row.after !== undefined ? <span className="break-words text-foreground">{row.after}</span> : null}
    </li>
  );
}

const COMPACT_ROWS = 3;

/**
 * A compact before → after summary, every row in words (money as money, dates, yes/no, nested
 * terms by path); the remaining rows open below it. No JSON (issue 17 point 13).
 */
export function AuditDiff({ before, after, subject }: Pick<AuditEntryView, "before" | "after" | "subject">) {
  const t = useTranslations("auditLog");
  const locale = useLocale();
  const ctx: ValueContext = {
    locale,
    currency: subject?.currency ?? null,
    words: { yes: t("diff.yes"), no: t("diff.no"), none: t("diff.empty") },
  };
  const label = (key: string) => (t.has(`fields.${key}` as "fields.status") ? t(`fields.${key}` as "fields.status") : null);
  const rows: ShownRow[] = diffValues(before, after).map((row) => {
    const key = row.path[row.path.length - 1] ?? "";
    return {
      key: row.path.join(".") || "value",
      label: fieldLabel(row.path, label),
      change: row.change,
      ...("before" in row ? { before: formatAuditValue(key, row.before, ctx) } : {}),
      ...("after" in row ? { after: formatAuditValue(key, row.after, ctx) } : {}),
    };
  });
  if (rows.length === 0) return <span className="text-xs text-muted-foreground">{t("diff.none")}</span>;
  const hidden = rows.length - COMPACT_ROWS;
  const compact = (
    <ul className="flex flex-col gap-0.5">
      {rows.slice(0, COMPACT_ROWS).map((row) => (
        <DiffLine key={row.key} row={row} />
      ))}
    </ul>
  );
  if (hidden <= 0) return compact;
  return (
    <details className="group max-w-md">
      <summary className="cursor-pointer list-none rounded-md outline-none focus-visible:ring-2 focus-visible:ring-ring/40 [&::-webkit-details-marker]:hidden">
        {compact}
        <span className="mt-1 inline-block text-xs font-medium text-primary group-open:hidden">{t("diff.more", { count: hidden })}</span>
      </summary>
      <ul className="mt-0.5 flex flex-col gap-0.5">
        {rows.slice(COMPACT_ROWS).map((row) => (
          <DiffLine key={row.key} row={row} />
        ))}
      </ul>
    </details>
  );
}
