import { Mails } from "lucide-react";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { type Column, DataTable } from "@/components/common/data-table";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { decodeCursor, encodeCursor } from "@/lib/api/pagination";
import { requirePermission } from "@/lib/auth/gate";
import { formatDateTime } from "@/lib/i18n/format";
import { smtpConfigured } from "@/lib/mail/outbox";
import { listOutbox } from "@/lib/mail/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("identity.outbox");
  return { title: t("title") };
}

type Row = Awaited<ReturnType<typeof listOutbox>>["items"][number];
const STATUS_BADGE = { PENDING: "warning", SENT: "success", FAILED: "destructive" } as const;
const cursorSchema = z.object({ before: z.uuid() });

/** Platform → Outbox: every e-mail with its status; without SMTP_URL this is where messages are read. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ cursor?: string | string[] }> }) {
  await requirePermission("platform.outbox.read");
  const { cursor } = await searchParams;
  const before = decodeCursor(typeof cursor === "string" ? cursor : undefined, cursorSchema)?.before;
  const [page, t, locale] = await Promise.all([
    listOutbox({ limit: 50, beforeId: before }),
    getTranslations("identity.outbox"),
    getLocale(),
  ]);
  const columns: Column<Row>[] = [
    {
      id: "created",
      header: t("columns.created"),
      nowrap: true,
      cell: (m) => <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt, locale)}</time>,
    },
    { id: "to", header: t("columns.to"), cell: (m) => <span className="font-medium">{m.toAddress}</span> },
    {
      id: "subject",
      header: t("columns.subject"),
      cell: (m) => (
        <details data-testid="outbox-message">
          <summary className="cursor-pointer">{m.subject}</summary>
          <pre className="mt-2 max-w-xl rounded-md bg-muted p-3 font-mono text-xs break-all whitespace-pre-wrap">{m.textBody}</pre>
        </details>
      ),
    },
    {
      id: "status",
      header: t("columns.status"),
      cell: (m) => <Badge variant={STATUS_BADGE[m.status]}>{t(`status.${m.status}`)}</Badge>,
    },
    { id: "attempts", header: t("columns.attempts"), align: "right", cell: (m) => m.attempts },
    {
      id: "lastError",
      header: t("columns.lastError"),
      cell: (m) => <span className="text-xs text-muted-foreground">{m.lastError ?? "—"}</span>,
    },
  ];
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Alert variant={smtpConfigured() ? "info" : "warning"} className="mb-6">
        <Mails aria-hidden />
        <AlertDescription>{smtpConfigured() ? t("smtpOn") : t("smtpOff")}</AlertDescription>
      </Alert>
      <DataTable
        columns={columns}
        rows={page.items}
        rowKey={(m) => m.id}
        label={t("title")}
        empty={<EmptyState icon={Mails} title={t("empty")} />}
        footer={
          page.nextId ? (
            <div className="flex justify-end p-3">
              <Button asChild variant="outline" size="sm">
                <Link href={`/outbox?cursor=${encodeCursor({ before: page.nextId })}`}>{t("older")}</Link>
              </Button>
            </div>
          ) : null
        }
      />
    </>
  );
}
