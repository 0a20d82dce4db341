"use client";

import { Banknote, Landmark, Users, Wallet } from "lucide-react";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { type Column, DataTable } from "@/components/common/data-table";
import { EmptyState } from "@/components/common/empty-state";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useFormat } from "@/lib/i18n/use-format";
import type { MoneyView } from "@/lib/statements/explain";

export type Balance = { mgContracted: MoneyView; mgReceived: MoneyView; overageDue: MoneyView; overageReceived: MoneyView };
export type Split = { creators: { name: string; amount: MoneyView }[]; creatorsTotal: MoneyView; facility: MoneyView; studio: MoneyView };
export type ReceiptRow = {
  id: string;
  kind: "MG_INSTALMENT" | "OVERAGE";
  amount: MoneyView;
  receivedOn: string;
  instalmentIndex: number | null;
  split: Split;
};

const minorOf = (m: MoneyView) => BigInt(m.amount.replace(".", ""));
function minus(a: MoneyView, b: MoneyView): MoneyView {
  const digits = a.amount.includes(".") ? a.amount.length - a.amount.indexOf(".") - 1 : 0;
  const diff = minorOf(a) - minorOf(b);
  const negative = diff < 0n;
  const text = (negative ? -diff : diff).toString().padStart(digits + 1, "0");
  return {
    amount: `${negative ? "-" : ""}${digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`}`,
    currency: a.currency,
  };
}

function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: React.ReactNode; testId: string }) {
  return (
    <div className="grid gap-1 rounded-lg border p-4" data-testid={testId}>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
      {hint ? <dd className="text-xs text-muted-foreground">{hint}</dd> : null}
    </div>
  );
}

/** What the deal has brought the licensor: MG contracted and received, overage due and received. */
export function BalancePanel({ balance }: { balance: Balance }) {
  const t = useTranslations("statements.balance");
  const f = useFormat();
  const mgOpen = minus(balance.mgContracted, balance.mgReceived);
  const overageOpen = minus(balance.overageDue, balance.overageReceived);
  return (
    <Card data-testid="balance-panel">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Figure testId="balance-mg-contracted" label={t("mgContracted")} value={f.money(balance.mgContracted)} />
          <Figure
            testId="balance-mg-received"
            label={t("mgReceived")}
            value={f.money(balance.mgReceived)}
            hint={minorOf(mgOpen) > 0n ? t("open", { amount: f.money(mgOpen) }) : null}
          />
          <Figure testId="balance-overage-due" label={t("overageDue")} value={f.money(balance.overageDue)} />
          <Figure
            testId="balance-overage-received"
            label={t("overageReceived")}
            value={f.money(balance.overageReceived)}
            hint={minorOf(overageOpen) > 0n ? t("unpaid", { amount: f.money(overageOpen) }) : null}
          />
        </dl>
      </CardContent>
    </Card>
  );
}

/** A receipt's creator-first split: each creator, the creators' total, the facility's sweep and the studio's rest. */
export function SplitView({ split, amount }: { split: Split; amount: MoneyView }) {
  const t = useTranslations("statements.split");
  const f = useFormat();
  const row = (icon: React.ReactNode, label: React.ReactNode, value: MoneyView, strong = false, testId?: string) => (
    <div className="flex items-baseline justify-between gap-3 py-1.5" data-testid={testId}>
      <dt className={strong ? "flex items-center gap-2 text-sm font-medium" : "flex items-center gap-2 pl-6 text-sm text-muted-foreground"}>
        {icon}
        {label}
      </dt>
      <dd className={strong ? "text-sm font-semibold tabular-nums" : "text-sm tabular-nums"}>{f.money(value)}</dd>
    </div>
  );
  return (
    <dl className="divide-y" data-testid="receipt-split" aria-label={t("label", { amount: f.money(amount) })}>
      {row(
        <Users className="size-4 text-muted-foreground" aria-hidden />,
        t("creatorsTotal"),
        split.creatorsTotal,
        true,
        "split-creators-total",
      )}
      {split.creators.map((c) => (
        <div key={c.name}>{row(null, c.name, c.amount, false, "split-creator")}</div>
      ))}
      {row(<Landmark className="size-4 text-muted-foreground" aria-hidden />, t("facility"), split.facility, true, "split-facility")}
      {row(<Wallet className="size-4 text-muted-foreground" aria-hidden />, t("studio"), split.studio, true, "split-studio")}
      {row(<Banknote className="size-4 text-muted-foreground" aria-hidden />, t("total"), amount, true, "split-total")}
    </dl>
  );
}

/** The receipts recorded on a deal with their splits, newest first. */
export function ReceiptsTable({ receipts, instalmentLabel }: { receipts: ReceiptRow[]; instalmentLabel: Record<number, string> }) {
  const t = useTranslations("statements.receipts");
  const tKind = useTranslations("statements.receiptKind");
  const f = useFormat();
  const columns: Column<ReceiptRow>[] = [
    {
      id: "receivedOn",
      header: t("columns.receivedOn"),
      nowrap: true,
      cell: (r) => <span className="tabular-nums">{f.date(r.receivedOn)}</span>,
    },
    {
      id: "kind",
      header: t("columns.kind"),
      cell: (r) => (
        <span className="flex flex-col gap-0.5">
          <Badge variant={r.kind === "OVERAGE" ? "teal" : "brand"}>{tKind(r.kind)}</Badge>
          {r.instalmentIndex !== null ? (
            <span className="text-xs text-muted-foreground">{instalmentLabel[r.instalmentIndex] ?? `#${r.instalmentIndex + 1}`}</span>
          ) : null}
        </span>
      ),
    },
    { id: "amount", header: t("columns.amount"), align: "right", cell: (r) => <span className="font-medium">{f.money(r.amount)}</span> },
    {
      id: "creators",
      header: t("columns.creators"),
      align: "right",
      cell: (r) => (
        <span className="flex flex-col items-end gap-0.5">
          <span>{f.money(r.split.creatorsTotal)}</span>
          {r.split.creators.map((c) => (
            <span key={c.name} className="text-xs text-muted-foreground">
              {c.name} · {f.money(c.amount)}
            </span>
          ))}
        </span>
      ),
    },
    { id: "facility", header: t("columns.facility"), align: "right", cell: (r) => f.money(r.split.facility) },
    {
      id: "studio",
      header: t("columns.studio"),
      align: "right",
      cell: (r) => <span className="font-medium">{f.money(r.split.studio)}</span>,
    },
  ];
  return (
    <DataTable
      label={t("title")}
      columns={columns}
      rows={receipts}
      rowKey={(r) => r.id}
      empty={<EmptyState icon={Banknote} title={t("empty.title")} description={t("empty.description")} />}
    />
  );
}
