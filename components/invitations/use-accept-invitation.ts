"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useActionError } from "@/components/forms/action-error";
import { callAction } from "@/components/forms/call-action";
import { switchOrganizationInSession } from "@/components/shell/switch-organization";
import type { ActionResult } from "@/lib/actions/result";

/**
 * Accepts an invitation, then makes the new organisation the active one (the same next-auth
 * session update the organisation switcher uses), so the dashboard opens in it.
 */
export function useAcceptInvitation(organizationName: string, accept: () => Promise<ActionResult<{ organizationId: string }>>) {
  const t = useTranslations("invitations.accept");
  const actionError = useActionError();
  const router = useRouter();
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    const result = await callAction(accept);
    if (!result.ok) {
      toast.error(actionError(result));
      setBusy(false);
      // The invitation may have expired or been revoked meanwhile: show its current state.
      router.refresh();
      return;
    }
    // Joined either way; failing to switch only leaves the previous organisation active.
    const switched = await callAction(() => switchOrganizationInSession(result.data.organizationId));
    if (switched.ok) toast.success(t("accepted", { organization: organizationName }));
    else toast.warning(t("switchFailed"));
    router.push("/dashboard");
    router.refresh();
  }

  return { busy, accept: run };
}
