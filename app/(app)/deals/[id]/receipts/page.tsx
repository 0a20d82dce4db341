import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { DealSectionHeader } from "@/components/statements/deal-section";
import { ReceiptForm } from "@/components/statements/receipt-form";
import { BalancePanel, ReceiptsTable } from "@/components/statements/receipts";
import { requireSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import { dateOnly } from "@/lib/dates";
import { formatDate } from "@/lib/i18n/format";
import { minorUnits } from "@/lib/reference/currencies";
import { recordReceiptAction } from "@/lib/statements/actions";
import { dealBalance, listReceipts } from "@/lib/statements/queries";
import type { ReceiptKind } from "@/lib/statements/schema";

type Params = Promise<{ id: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("statements.receipts");
  return { title: t("title") };
}

export default async function DealReceiptsPage({ params }: { params: Params }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const { actor } = await requireSession();
  const [list, balance, locale, t, tTrigger] = await Promise.all([
    listReceipts(actor, id),
    dealBalance(actor, id),
    getLocale(),
    getTranslations("statements.receipts"),
    getTranslations("deals.trigger"),
  ]);
  if (!list || !balance) notFound();
  const { deal } = list;
  const counterparty = deal.role === "LICENSOR" ? deal.licensee.name : deal.licensor.name;
  const mayRecord =
    deal.role === "LICENSOR" &&
    ["SIGNED", "EXPIRED", "TERMINATED"].includes(deal.status) &&
    can({ role: actor.role, orgKind: actor.org.kind }, "statements.review");
  const instalmentLabel = (i: (typeof balance.instalments)[number]) =>
    t("instalmentLabel", {
      n: i.index + 1,
      trigger: i.trigger ? tTrigger(i.trigger as Parameters<typeof tTrigger>[0]) : t("wholeMg"),
      due: i.dueDate ? formatDate(i.dueDate, locale) : "none",
    });
  const labels = Object.fromEntries(balance.instalments.map((i) => [i.index, instalmentLabel(i)]));

  return (
    <>
      <DealSectionHeader
        deal={deal}
        section="receipts"
        title={t("title")}
        description={
          deal.role === "LICENSOR"
            ? t("descriptionLicensor", { licensee: counterparty })
            : t("descriptionLicensee", { licensor: counterparty })
        }
      />
      <div className="grid gap-6">
        <BalancePanel balance={balance} />
        {mayRecord ? (
          <ReceiptForm
            dealId={deal.id}
            currency={deal.currency}
            exponent={minorUnits(deal.currency)}
            instalments={balance.instalments.map((i) => ({ index: i.index, label: labels[i.index]!, amount: i.amount, open: i.open }))}
            overageOpen={balance.overageOpen}
            today={dateOnly(new Date())}
            recordAction={recordReceiptAction}
          />
        ) : null}
        <section className="grid gap-3" aria-labelledby="receipts-heading">
          <h2 id="receipts-heading" className="text-base font-semibold">
            {t("listTitle", { count: list.receipts.length })}
          </h2>
          <ReceiptsTable receipts={list.receipts.map((r) => ({ ...r, kind: r.kind as ReceiptKind }))} instalmentLabel={labels} />
        </section>
      </div>
    </>
  );
}
