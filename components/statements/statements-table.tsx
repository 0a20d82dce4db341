"use client";

import { FileSpreadsheet } from "lucide-react";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { type Column, DataTable } from "@/components/common/data-table";
import { EmptyState } from "@/components/common/empty-state";
import { Badge } from "@/components/ui/badge";
import { Link } from "@/components/ui/link";
import { useFormat } from "@/lib/i18n/use-format";
import type { MoneyView } from "@/lib/statements/explain";
import { type StatementStatus, StatementStatusBadge } from "./status-badge";

export type StatementRow = {
  id: string;
  periodStart: string;
  periodEnd: string;
  status: StatementStatus;
  counting: boolean;
  superseded: boolean;
  gross: MoneyView;
  lineCount: number;
  createdAt: string;
  /** Period figures of the waterfall (as if it counted, for one that does not). */
  licensorShare: MoneyView | null;
  overage: MoneyView | null;
  deal?: { id: string; name: string; role: "LICENSOR" | "LICENSEE"; counterparty: string };
};

/** Statements with their period, status and the period's figures; each links to its page. */
export function StatementsTable({
  rows,
  showDeal,
  empty,
  footer,
}: {
  rows: StatementRow[];
  showDeal: boolean;
  empty: { title: string; description: string; action?: React.ReactNode };
  footer?: React.ReactNode;
}) {
  const t = useTranslations("statements.table");
  const f = useFormat();
  const columns: Column<StatementRow>[] = [
    {
      id: "period",
      header: t("period"),
      nowrap: true,
      cell: (s) => (
        <Link href={`/statements/${s.id}`} className="font-medium text-foreground tabular-nums hover:text-primary hover:underline">
          {t("periodRange", { start: f.date(s.periodStart), end: f.date(s.periodEnd) })}
        </Link>
      ),
    },
    ...(showDeal
      ? ([
          {
            id: "deal",
            header: t("deal"),
            // Two lines at most (the deal, then direction and counterparty), cut with an ellipsis:
            // a wrapping deal cell made every row four lines tall.
            className: "min-w-48 max-w-72",
            cell: (s) =>
              s.deal ? (
                <span className="flex min-w-0 flex-col gap-0.5">
                  <Link href={`/deals/${s.deal.id}`} title={s.deal.name} className="truncate hover:text-primary hover:underline">
                    {s.deal.name}
                  </Link>
                  <span className="flex min-w-0 items-center gap-1.5 truncate text-xs whitespace-nowrap text-muted-foreground">
                    <Badge variant={s.deal.role === "LICENSOR" ? "brand" : "teal"}>
                      {s.deal.role === "LICENSOR" ? t("received") : t("sent")}
                    </Badge>
                    {s.deal.role === "LICENSOR" ? t("from", { name: s.deal.counterparty }) : t("to", { name: s.deal.counterparty })}
                  </span>
                </span>
              ) : null,
          },
        ] satisfies Column<StatementRow>[])
      : []),
    { id: "status", header: t("status"), cell: (s) => <StatementStatusBadge status={s.status} superseded={s.superseded} /> },
    { id: "lines", header: t("lines"), align: "right", cell: (s) => <span className="tabular-nums">{f.number(s.lineCount)}</span> },
    { id: "gross", header: t("gross"), align: "right", cell: (s) => f.money(s.gross) },
    {
      id: "share",
      header: t("share"),
      align: "right",
      cell: (s) => (s.licensorShare ? <span className={s.counting ? "" : "text-muted-foreground"}>{f.money(s.licensorShare)}</span> : "—"),
    },
    {
      id: "overage",
      header: t("overage"),
      align: "right",
      cell: (s) => (s.overage ? <span className={s.counting ? "" : "text-muted-foreground"}>{f.money(s.overage)}</span> : "—"),
    },
    {
      id: "submitted",
      header: t("submitted"),
      nowrap: true,
      cell: (s) => (
        <time className="text-muted-foreground tabular-nums" dateTime={s.createdAt}>
          {f.dateTime(s.createdAt)}
        </time>
      ),
    },
  ];
  return (
    <DataTable
      label={t("label")}
      columns={columns}
      rows={rows}
      rowKey={(s) => s.id}
      footer={footer}
      empty={<EmptyState icon={FileSpreadsheet} title={empty.title} description={empty.description} action={empty.action} />}
    />
  );
}
