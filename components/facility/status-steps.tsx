import { Check, CircleDot, X } from "lucide-react";
import { useTranslations } from "next-intl";
import type { AdvanceStatus } from "@/lib/facility/rules";
import { cn } from "@/lib/utils";

type Step = { status: AdvanceStatus; state: "done" | "current" | "todo" | "failed"; at: string | null };

/** The happy path of §6, with the branch the advance actually took (declined, defaulted, written off). */
function stepsFor(status: AdvanceStatus, dates: Partial<Record<AdvanceStatus, string | null>>): Step[] {
  const happy: AdvanceStatus[] = ["DRAFT", "SUBMITTED", "UNDER_REVIEW", "APPROVED", "DISBURSED", "REPAID"];
  const path: AdvanceStatus[] =
    status === "DECLINED"
      ? ["DRAFT", "SUBMITTED", "UNDER_REVIEW", "DECLINED"]
      : status === "DEFAULTED"
        ? ["DRAFT", "SUBMITTED", "UNDER_REVIEW", "APPROVED", "DISBURSED", "DEFAULTED", "WRITTEN_OFF"]
        : status === "WRITTEN_OFF"
          ? ["DRAFT", "SUBMITTED", "UNDER_REVIEW", "APPROVED", "DISBURSED", "DEFAULTED", "WRITTEN_OFF"]
          : status === "REPAID" && dates.DEFAULTED
            ? ["DRAFT", "SUBMITTED", "UNDER_REVIEW", "APPROVED", "DISBURSED", "DEFAULTED", "REPAID"]
            : happy;
  const index = path.indexOf(status);
  const terminal = status === "REPAID" || status === "WRITTEN_OFF" || status === "DECLINED";
  return path.map((s, i) => ({
    status: s,
    at: dates[s] ?? null,
    state:
      i < index || (i === index && terminal)
        ? s === "DECLINED" || s === "DEFAULTED" || s === "WRITTEN_OFF"
          ? "failed"
          : "done"
        : i === index
          ? s === "DEFAULTED"
            ? "failed"
            : "current"
          : "todo",
  }));
}

/**
 * Where the advance is in DRAFT → SUBMITTED → UNDER_REVIEW → APPROVED/DECLINED → DISBURSED →
 * REPAID (or DEFAULTED → WRITTEN_OFF), each reached step with its date.
 */
export function AdvanceSteps({
  status,
  dates,
  formatAt,
}: {
  status: AdvanceStatus;
  dates: Partial<Record<AdvanceStatus, string | null>>;
  formatAt: (iso: string) => string;
}) {
  const t = useTranslations("facility.status");
  const tSteps = useTranslations("facility.detail");
  const steps = stepsFor(status, dates);
  return (
    <ol className="grid gap-3 sm:grid-flow-col sm:auto-cols-fr" aria-label={tSteps("stepsLabel")} data-testid="advance-steps">
      {steps.map((step) => (
        <li
          key={step.status}
          className="flex items-start gap-2 sm:flex-col sm:gap-1.5"
          data-state={step.state}
          aria-current={step.state === "current" ? "step" : undefined}
        >
          <span
            className={cn(
              "flex size-6 shrink-0 items-center justify-center rounded-full border text-xs",
              step.state === "done" && "border-success/30 bg-success/10 text-success",
              step.state === "current" && "border-primary bg-accent text-primary",
              step.state === "failed" && "border-destructive/30 bg-destructive/10 text-destructive",
              step.state === "todo" && "border-dashed text-muted-foreground",
            )}
            aria-hidden
          >
            {step.state === "done" ? (
              <Check className="size-3.5" />
            ) : step.state === "failed" ? (
              <X className="size-3.5" />
            ) : step.state === "current" ? (
              <CircleDot className="size-3.5" />
            ) : null}
          </span>
          <span className="grid gap-0.5">
            <span className={cn("text-sm font-medium", step.state === "todo" && "text-muted-foreground")}>{t(step.status)}</span>
            {step.at ? <span className="text-xs text-muted-foreground tabular-nums">{formatAt(step.at)}</span> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
