import { useLocale, useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/i18n/format";
import type { TimelineEntryView } from "./types";

const KNOWN = [
  "edit_request.create",
  "edit_request.update",
  "edit_request.submit",
  "edit_request.resubmit",
  "edit_request.withdraw",
  "edit_request.decide",
  "edit_request.request_changes",
  "edit_request.comment",
  "edit_request.attach",
  "version.create",
] as const;
type Known = (typeof KNOWN)[number];
type Key = Known extends infer A ? (A extends `${infer P}.${infer Q}` ? `${P}_${Q}` : never) : never;
const keyOf = (action: string): Key | null => ((KNOWN as readonly string[]).includes(action) ? (action.replace(".", "_") as Key) : null);

/** Every step of the request from the audit log, oldest first: who did what, for which organisation, when. */
export function Timeline({ entries }: { entries: TimelineEntryView[] }) {
  const t = useTranslations("edits.timeline");
  const locale = useLocale();
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">{t("empty")}</p>;
  return (
    <ol className="relative grid gap-4 border-l pl-5" aria-label={t("label")} data-testid="timeline">
      {entries.map((e) => {
        const key = keyOf(e.action);
        const label = key ? t(`actions.${key}`) : e.action;
        return (
          <li key={e.id} className="relative grid gap-0.5" data-action={e.action}>
            <span className="absolute top-1.5 -left-[1.6rem] size-2.5 rounded-full border-2 border-background bg-primary" aria-hidden />
            <span className="text-sm font-medium">{label}</span>
            {e.detail ? <span className="text-sm text-muted-foreground">{e.detail}</span> : null}
            <span className="text-xs text-muted-foreground">
              {[e.actor, e.organization].filter(Boolean).join(" · ")}
              {e.actor || e.organization ? " · " : ""}
              <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
