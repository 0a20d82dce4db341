import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ApiUsagePanel } from "@/components/api-keys/api-usage-panel";
import { CreateApiKeyDialog } from "@/components/api-keys/create-api-key-dialog";
import { RevokeApiKeyButton } from "@/components/api-keys/revoke-api-key-button";
import { type Column, DataTable } from "@/components/common/data-table";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { requestOrigin } from "@/components/common/request-origin";
import { Badge } from "@/components/ui/badge";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/api-keys/actions";
import { listApiKeys } from "@/lib/api-keys/queries";
import { requirePermission } from "@/lib/auth/gate";
import { formatDate, formatDateTime, formatRelativeTime } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiKeys");
  return { title: t("title") };
}

type KeyRow = Awaited<ReturnType<typeof listApiKeys>>["items"][number];

export default async function ApiKeysPage() {
  const { actor } = await requirePermission("org.apiKeys.manage");
  const [{ items }, t, locale, origin] = await Promise.all([
    listApiKeys(actor, { limit: 200 }),
    getTranslations("apiKeys"),
    getLocale(),
    requestOrigin(),
  ]);

  const columns: Column<KeyRow>[] = [
    { id: "name", header: t("columns.name"), cell: (k) => <span className="font-medium">{k.name}</span> },
    {
      id: "key",
      header: t("columns.key"),
      nowrap: true,
      cell: (k) => <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{k.prefix}…</code>,
    },
    {
      id: "scope",
      header: t("columns.scope"),
      cell: (k) => (
        <Badge variant={k.scope === "WRITE" ? "default" : "secondary"}>{t(`scope.${k.scope === "WRITE" ? "write" : "read"}`)}</Badge>
      ),
    },
    { id: "createdBy", header: t("columns.createdBy"), cell: (k) => k.createdBy.name },
    {
      id: "created",
      header: t("columns.created"),
      nowrap: true,
      cell: (k) => <span className="text-muted-foreground">{formatDate(k.createdAt, locale)}</span>,
    },
    {
      id: "lastUsed",
      header: t("columns.lastUsed"),
      nowrap: true,
      cell: (k) =>
        k.lastUsedAt ? (
          <time dateTime={k.lastUsedAt.toISOString()} title={formatDateTime(k.lastUsedAt, locale)} className="text-muted-foreground">
            {formatRelativeTime(k.lastUsedAt, locale)}
          </time>
        ) : (
          <span className="text-muted-foreground">{t("never")}</span>
        ),
    },
    {
      id: "actions",
      header: <span className="sr-only">{t("columns.actions")}</span>,
      align: "right",
      cell: (k) => <RevokeApiKeyButton apiKey={{ id: k.id, name: k.name }} revokeAction={revokeApiKeyAction} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { organization: actor.org.name })}
        // Always here, never inside the empty state: the server re-renders the page as soon as the
        // key exists, and a dialog that moved would unmount and lose the key it shows only once.
        actions={<CreateApiKeyDialog createAction={createApiKeyAction} origin={origin} />}
      />
      <div className="grid gap-6 2xl:grid-cols-[minmax(0,1fr)_24rem] 2xl:items-start">
        <DataTable
          label={t("title")}
          columns={columns}
          rows={items}
          rowKey={(k) => k.id}
          empty={<EmptyState icon={KeyRound} title={t("empty.title")} description={t("empty.description")} />}
        />
        <ApiUsagePanel origin={origin} organizationName={actor.org.name} />
      </div>
    </>
  );
}
