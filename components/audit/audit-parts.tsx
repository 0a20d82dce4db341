import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";
import { actionMessageKey, type DiffRow, diffValues, isEntityType } from "./present";

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

export function AuditEntity({ entityType, entityId }: { entityType: string; entityId: string }) {
  const t = useTranslations("auditLog.entityTypes");
  return (
    <span className="flex flex-col gap-0.5">
      <span>{isEntityType(entityType) ? t(entityType) : entityType}</span>
      <code className="font-mono text-[11px] text-muted-foreground" title={entityId}>
        {entityId.length > 13 ? `${entityId.slice(0, 8)}…` : entityId}
      </code>
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

function DiffLine({ row }: { row: DiffRow }) {
  return (
    <li className="flex min-w-0 flex-wrap items-baseline gap-x-1.5 text-xs">
      {row.field ? <span className="font-mono text-muted-foreground">{row.field}:</span> : null}
      {row.before !== undefined ? (
        <span
          className={cn("break-all", row.change === "removed" ? "text-destructive line-through" : "text-muted-foreground line-through")}
        >
          {row.before}
        </span>
      ) : null}
      {row.change === "changed" ? (
        <span aria-hidden className="text-muted-foreground">
          →
        </span>
      ) : null}
      {row.after !== undefined ? <span className="break-all text-foreground">{row.after}</span> : null}
    </li>
  );
}

const COMPACT_ROWS = 3;

/** A compact before → after summary; the full values open below it. */
export function AuditDiff({ before, after }: Pick<AuditEntryView, "before" | "after">) {
  const t = useTranslations("auditLog.diff");
  const rows = diffValues(before, after);
  if (rows.length === 0) return <span className="text-xs text-muted-foreground">{t("none")}</span>;
  const hidden = rows.length - COMPACT_ROWS;
  const sides = (
    [
      ["before", before],
      ["after", after],
    ] as const
  ).filter(([, value]) => value !== null && value !== undefined);
  return (
    <details className="group max-w-md">
      <summary className="cursor-pointer list-none rounded-md outline-none focus-visible:ring-2 focus-visible:ring-ring/40 [&::-webkit-details-marker]:hidden">
        <ul className="flex flex-col gap-0.5">
          {rows.slice(0, COMPACT_ROWS).map((row) => (
            <DiffLine key={row.field || "value"} row={row} />
          ))}
        </ul>
        <span className="mt-1 inline-block text-xs font-medium text-primary group-open:hidden">
          {hidden > 0 ? t("more", { count: hidden }) : t("details")}
        </span>
      </summary>
      <div className={cn("mt-2 grid gap-2", sides.length > 1 && "lg:grid-cols-2")}>
        {sides.map(([label, value]) => (
          <div key={label} className="min-w-0">
            <p className="mb-1 text-[11px] font-semibold tracking-wide text-muted-foreground uppercase">{t(label)}</p>
            <pre className="max-h-60 overflow-auto rounded-md bg-muted p-2 font-mono text-[11px] leading-relaxed whitespace-pre-wrap break-all">
              {JSON.stringify(value, null, 2)}
            </pre>
          </div>
        ))}
      </div>
    </details>
  );
}
