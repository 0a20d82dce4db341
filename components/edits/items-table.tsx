"use client";

import { Bot, Check, X } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useRunAction } from "@/components/forms/action-error";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/result";
import { evaluateItem } from "@/lib/edits/rules";
import type { EditDecisionData, ItemDecision } from "@/lib/edits/schema";
import { formatPercent } from "@/lib/i18n/format";
import { cn } from "@/lib/utils";
import { useEvaluationText } from "./evaluation";
import { ItemStatusBadge } from "./status-badge";
import type { PolicyElementView, RequestItemView } from "./types";

export type ItemsTableProps = {
  requestId: string;
  items: RequestItemView[];
  /** The policy version the request was evaluated against (explains why a waiting item waits); null when none was in force. */
  policy: PolicyElementView[] | null;
  /** The studio may decide waiting items (request UNDER_REVIEW, permission edits.decide). */
  decide?: { action: (id: string, input: EditDecisionData) => Promise<ActionResult<{ status: string }>> };
};

type Draft = { decision?: ItemDecision; note: string };

/**
 * The requested changes with their status and reason. For the studio, while the request is under
 * review, each waiting change gets Approve / Reject and a note; "Record decisions" sends every
 * change decided so far in one decision.
 */
export function ItemsTable({ requestId, items, policy, decide }: ItemsTableProps) {
  const t = useTranslations("edits.items");
  const tCategory = useTranslations("catalogue.editCategories");
  const locale = useLocale();
  const run = useRunAction();
  const evaluationText = useEvaluationText();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [pending, setPending] = useState(false);
  const byCategory = new Map((policy ?? []).map((e) => [e.category, e] as const));
  const decided = Object.entries(drafts).filter(([, d]) => d.decision);
  const waiting = items.filter((i) => i.status === "PENDING");

  function set(id: string, patch: Partial<Draft>) {
    setDrafts((all) => ({ ...all, [id]: { note: "", ...all[id], ...patch } }));
  }

  async function record() {
    if (!decide) return;
    setPending(true);
    const ok = await run(
      () =>
        decide.action(requestId, {
          items: decided.map(([itemId, d]) => ({ itemId, decision: d.decision as ItemDecision, note: d.note.trim() || undefined })),
        }),
      t("recorded", { count: decided.length }),
      { refreshOnError: true },
    );
    setPending(false);
    if (ok) setDrafts({});
  }

  function reasonOf(item: RequestItemView): string | null {
    // Evaluated and waiting: say why in the reader's language (the stored reason is the API's English).
    if (item.status === "PENDING" && item.reason) {
      return evaluationText(
        evaluateItem({ category: item.category, magnitudePct: item.magnitudePct }, byCategory.get(item.category)),
        item.category,
      ).text;
    }
    return item.reason;
  }

  return (
    <div className="grid gap-3">
      <ol className="grid gap-3">
        {items.map((item, index) => {
          const draft = drafts[item.id];
          const reason = reasonOf(item);
          const canDecide = decide && item.status === "PENDING";
          return (
            <li
              key={item.id}
              className={cn(
                "grid gap-3 rounded-lg border bg-card p-4 shadow-xs",
                draft?.decision === "APPROVED" && "border-success/40",
                draft?.decision === "REJECTED" && "border-destructive/40",
              )}
              data-testid="request-item"
              data-category={item.category}
              data-status={item.status}
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="text-xs font-medium text-muted-foreground tabular-nums">{index + 1}.</span>
                  <span className="font-medium">{tCategory(item.category)}</span>
                  {item.magnitudePct ? (
                    <span className="rounded bg-muted px-1.5 py-0.5 text-xs tabular-nums">
                      {formatPercent(item.magnitudePct, locale, { maximumFractionDigits: 4 })}
                    </span>
                  ) : null}
                </div>
                <div className="flex items-center gap-2">
                  {item.automatic ? (
                    <span className="inline-flex items-center gap-1 text-xs text-muted-foreground" data-testid="automatic">
                      <Bot className="size-3.5" aria-hidden />
                      {t("automatic")}
                    </span>
                  ) : null}
                  <ItemStatusBadge status={item.status} />
                </div>
              </div>
              <dl className="grid gap-2 text-sm md:grid-cols-2">
                <div className="grid gap-0.5">
                  <dt className="text-xs text-muted-foreground">{t("description")}</dt>
                  <dd className="whitespace-pre-line break-words">{item.description}</dd>
                </div>
                <div className="grid gap-0.5">
                  <dt className="text-xs text-muted-foreground">{t("rationale")}</dt>
                  <dd className="whitespace-pre-line break-words">{item.rationale || <span className="text-muted-foreground">—</span>}</dd>
                </div>
              </dl>
              {reason ? (
                <p
                  className={cn(
                    "rounded-md px-2.5 py-1.5 text-xs",
                    item.status === "REJECTED"
                      ? "bg-destructive/5 text-destructive"
                      : item.status === "APPROVED"
                        ? "bg-success/5 text-success"
                        : "bg-muted text-muted-foreground",
                  )}
                  data-testid="item-reason"
                >
                  {item.status === "PENDING" ? reason : t("reasonLine", { reason })}
                </p>
              ) : null}
              {canDecide ? (
                <div className="grid gap-2 border-t pt-3" data-testid="decision-controls">
                  <fieldset className="flex flex-wrap items-center gap-2">
                    <legend className="sr-only">{t("decisionFor", { category: tCategory(item.category), number: index + 1 })}</legend>
                    <Button
                      type="button"
                      size="sm"
                      variant={draft?.decision === "APPROVED" ? "default" : "outline"}
                      aria-pressed={draft?.decision === "APPROVED"}
                      onClick={() => set(item.id, { decision: draft?.decision === "APPROVED" ? undefined : "APPROVED" })}
                    >
                      <Check aria-hidden />
                      {t("approve")}
                    </Button>
                    <Button
                      type="button"
                      size="sm"
                      variant={draft?.decision === "REJECTED" ? "destructive" : "outline"}
                      aria-pressed={draft?.decision === "REJECTED"}
                      onClick={() => set(item.id, { decision: draft?.decision === "REJECTED" ? undefined : "REJECTED" })}
                    >
                      <X aria-hidden />
                      {t("reject")}
                    </Button>
                  </fieldset>
                  {draft?.decision ? (
                    <Textarea
                      rows={2}
                      maxLength={2000}
                      value={draft.note}
                      onChange={(e) => set(item.id, { note: e.target.value })}
                      aria-label={t("noteFor", { number: index + 1 })}
                      placeholder={draft.decision === "REJECTED" ? t("notePlaceholderReject") : t("notePlaceholderApprove")}
                    />
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {decide && waiting.length > 0 ? (
        <div className="flex flex-col gap-2 rounded-lg border bg-muted/30 p-3 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm text-muted-foreground">{t("decidedOf", { decided: decided.length, waiting: waiting.length })}</p>
          <Button type="button" onClick={record} disabled={decided.length === 0} loading={pending}>
            {t("record", { count: decided.length })}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
