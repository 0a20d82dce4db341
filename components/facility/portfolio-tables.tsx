"use client";

import { useTranslations } from "next-intl";
import { type Column, DataTable } from "@/components/common/data-table";
import { Link } from "@/components/ui/link";
import type { AdvanceStatus } from "@/lib/facility/rules";
import { useFormat } from "@/lib/i18n/use-format";
import type { Money } from "@/lib/money/money";
import { CsvButton } from "./csv-download";
import { AdvanceStatusBadge } from "./status-badge";

export type PortfolioAdvanceRow = {
  id: string;
  status: AdvanceStatus;
  dealName: string;
  studio: string;
  licensee: string;
  licenseeCountry: string;
  licenseeCountryName: string;
  genreName: string;
  disbursedAt: string | null;
  daysSinceDisbursement: number | null;
  disbursed: Money;
  principalOutstanding: Money;
  owed: Money;
  recouped: Money;
  writtenOff: Money;
};

/** Every disbursed advance with its age and balances, largest owed first; exports to CSV. */
export function PortfolioAdvancesTable({ rows, currency, asOf }: { rows: PortfolioAdvanceRow[]; currency: string; asOf: string }) {
  const t = useTranslations("facility.portfolio");
  const f = useFormat();
  const columns: Column<PortfolioAdvanceRow>[] = [
    {
      id: "deal",
      header: t("columns.deal"),
      className: "min-w-48",
      cell: (a) => (
        <span className="grid gap-0.5">
          <Link href={`/advances/${a.id}`} className="font-medium hover:text-primary hover:underline">
            {a.dealName}
          </Link>
          <span className="text-xs text-muted-foreground">
            {a.studio} → {a.licensee} · {a.licenseeCountryName}
          </span>
        </span>
      ),
    },
    { id: "status", header: t("columns.status"), cell: (a) => <AdvanceStatusBadge status={a.status} /> },
    {
      id: "disbursedAt",
      header: t("columns.disbursedAt"),
      nowrap: true,
      cell: (a) => <span className="text-muted-foreground tabular-nums">{a.disbursedAt ? f.date(a.disbursedAt.slice(0, 10)) : "—"}</span>,
    },
    {
      id: "days",
      header: t("columns.days"),
      align: "right",
      cell: (a) => <span className="tabular-nums">{a.daysSinceDisbursement === null ? "—" : f.number(a.daysSinceDisbursement)}</span>,
    },
    {
      id: "principal",
      header: t("columns.principal"),
      align: "right",
      cell: (a) => <span className="tabular-nums">{f.money(a.principalOutstanding)}</span>,
    },
    {
      id: "owed",
      header: t("columns.owed"),
      align: "right",
      cell: (a) => <span className="tabular-nums font-medium">{f.money(a.owed)}</span>,
    },
    {
      id: "recouped",
      header: t("columns.recouped"),
      align: "right",
      cell: (a) => <span className="tabular-nums">{f.money(a.recouped)}</span>,
    },
  ];
  return (
    <div className="grid gap-3">
      <div className="flex justify-end">
        <CsvButton
          fileName={`portfolio-advances-${asOf.slice(0, 10)}.csv`}
          header={[
            "advance_id",
            "deal",
            "studio",
            "licensee",
            "licensee_country",
            "genre",
            "status",
            "disbursed_on",
            "days_since_disbursement",
            "currency",
            "disbursed",
            "principal_outstanding",
            "owed",
            "recouped",
            "written_off",
          ]}
          rows={rows.map((a) => [
            a.id,
            a.dealName,
            a.studio,
            a.licensee,
            a.licenseeCountry,
            a.genreName,
            a.status,
            a.disbursedAt ? a.disbursedAt.slice(0, 10) : null,
            a.daysSinceDisbursement,
            currency,
            a.disbursed.amount,
            a.principalOutstanding.amount,
            a.owed.amount,
            a.recouped.amount,
            a.writtenOff.amount,
          ])}
          numericColumns={[8, 10, 11, 12, 13, 14]}
        />
      </div>
      <DataTable
        label={t("advancesTitle")}
        columns={columns}
        rows={rows}
        rowKey={(a) => a.id}
        empty={<p className="rounded-lg border border-dashed p-4 text-sm text-muted-foreground">{t("noAdvances")}</p>}
      />
    </div>
  );
}

/** How many applications and advances are in each status, each linking to the queue filtered by it. */
export function StatusCounts({ counts }: { counts: Record<AdvanceStatus, number> }) {
  const t = useTranslations("facility.status");
  const tp = useTranslations("facility.portfolio");
  const f = useFormat();
  const entries = Object.entries(counts) as [AdvanceStatus, number][];
  const total = entries.reduce((s, [, n]) => s + n, 0);
  return (
    <div className="grid gap-3">
      <div className="flex h-2 w-full overflow-hidden rounded-full bg-muted" aria-hidden>
        {entries
          .filter(([, n]) => n > 0)
          .map(([s, n]) => (
            <span key={s} className={STATUS_BAR[s]} style={{ width: `${(n / Math.max(total, 1)) * 100}%` }} />
          ))}
      </div>
      <ul className="grid grid-cols-2 gap-x-4 gap-y-1.5 text-sm sm:grid-cols-3" aria-label={tp("statusCounts")} data-testid="status-counts">
        {entries.map(([s, n]) => (
          <li key={s} className="flex items-center justify-between gap-2">
            <Link href={`/advances?status=${s}`} className="flex items-center gap-1.5 text-muted-foreground hover:text-foreground">
              <span className={`size-2 rounded-full ${STATUS_BAR[s]}`} aria-hidden />
              {t(s)}
            </Link>
            <span className="font-medium tabular-nums" data-status={s}>
              {f.number(n)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

const STATUS_BAR: Record<AdvanceStatus, string> = {
  DRAFT: "bg-muted-foreground/30",
  SUBMITTED: "bg-warning/70",
  UNDER_REVIEW: "bg-warning",
  APPROVED: "bg-primary/60",
  DECLINED: "bg-destructive/50",
  DISBURSED: "bg-brand-teal",
  REPAID: "bg-success",
  DEFAULTED: "bg-destructive",
  WRITTEN_OFF: "bg-muted-foreground",
};
