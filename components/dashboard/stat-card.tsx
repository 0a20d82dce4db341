import { ArrowUpRight, type LucideIcon } from "lucide-react";
import type * as React from "react";
import { Link } from "@/components/ui/link";
import { cn } from "@/lib/utils";

export type StatCardProps = {
  label: React.ReactNode;
  /** Already formatted (formatMoney/formatNumber): the card never formats, so units stay explicit. */
  value: React.ReactNode;
  hint?: React.ReactNode;
  icon?: LucideIcon;
  /** Makes the whole card a link to the list behind the figure. */
  href?: string;
  tone?: "default" | "brand" | "teal" | "warning";
  className?: string;
};

const TONE: Record<NonNullable<StatCardProps["tone"]>, string> = {
  default: "bg-muted text-muted-foreground",
  brand: "bg-accent text-primary",
  teal: "bg-brand-teal/12 text-[oklch(0.45_0.09_185)]",
  warning: "bg-warning/15 text-warning-foreground",
};

/** One headline figure of a dashboard. Server component; icons are passed as components. */
export function StatCard({ label, value, hint, icon: Icon, href, tone = "default", className }: StatCardProps) {
  const body = (
    <>
      <div className="flex items-start justify-between gap-3">
        <p className="text-sm font-medium text-muted-foreground">{label}</p>
        {Icon ? (
          <span className={cn("flex size-8 shrink-0 items-center justify-center rounded-lg", TONE[tone])}>
            <Icon className="size-4" aria-hidden />
          </span>
        ) : null}
      </div>
      <p className="mt-2 text-2xl font-semibold tracking-tight tabular-nums text-foreground" data-slot="stat-value">
        {value}
      </p>
      {hint ? <p className="mt-1 text-xs text-muted-foreground">{hint}</p> : null}
      {href ? (
        <ArrowUpRight
          className="absolute right-3 bottom-3 size-4 text-muted-foreground opacity-0 transition-opacity group-hover:opacity-100"
          aria-hidden
        />
      ) : null}
    </>
  );
  const classes = cn("group relative block rounded-xl border bg-card p-5 shadow-xs", className);
  return href ? (
    <Link href={href} className={cn(classes, "transition-colors hover:border-primary/30 hover:bg-accent/20")}>
      {body}
    </Link>
  ) : (
    <div className={classes}>{body}</div>
  );
}

/** Responsive grid for a row of stat cards. */
export function StatGrid({ className, ...props }: React.ComponentProps<"div">) {
  return <div className={cn("grid gap-4 sm:grid-cols-2 xl:grid-cols-4", className)} {...props} />;
}
