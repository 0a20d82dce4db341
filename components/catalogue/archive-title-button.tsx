"use client";

import { Archive, ArchiveRestore } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { useActionError } from "@/components/forms/action-error";
import { callAction } from "@/components/forms/call-action";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";

export type ArchiveTitleButtonProps = {
  titleId: string;
  name: string;
  archived: boolean;
  lockVersion: number;
  /** setTitleArchivedAction */
  archiveAction: (titleId: string, archived: boolean, lockVersion: number) => Promise<ActionResult<{ id: string; lockVersion: number }>>;
};

/** Archiving hides a title from the list and the marketplace (nothing is deleted); restoring brings it back. */
export function ArchiveTitleButton({ titleId, name, archived, lockVersion, archiveAction }: ArchiveTitleButtonProps) {
  const t = useTranslations("catalogue.detail.archive");
  const actionError = useActionError();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();

  async function run(next: boolean): Promise<boolean> {
    const result = await callAction(() => archiveAction(titleId, next, lockVersion));
    if (!result.ok) {
      toast.error(result.reason === "STALE_UPDATE" ? t("stale") : actionError(result));
      router.refresh();
      return false;
    }
    toast.success(next ? t("archived", { name }) : t("restored", { name }));
    router.refresh();
    return true;
  }

  if (archived)
    return (
      <Button variant="outline" loading={pending} disabled={!hydrated} onClick={() => startTransition(async () => void (await run(false)))}>
        {pending ? null : <ArchiveRestore aria-hidden />}
        {t("restore")}
      </Button>
    );

  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" disabled={!hydrated}>
          <Archive aria-hidden />
          {t("archive")}
        </Button>
      }
      title={t("confirmTitle", { name })}
      description={t("confirmDescription")}
      confirmLabel={t("archive")}
      destructive
      onConfirm={() => run(true)}
    />
  );
}
