"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import { useAcceptInvitation } from "./use-accept-invitation";

export type AcceptInvitationButtonProps = {
  token: string;
  organizationName: string;
  /** Server action (acceptInvitationAction): joins the organisation the token invites to. */
  acceptAction: (token: string) => Promise<ActionResult<{ organizationId: string }>>;
};

/** Accepts the invitation the token names and opens the dashboard in the new organisation. */
export function AcceptInvitationButton({ token, organizationName, acceptAction }: AcceptInvitationButtonProps) {
  const t = useTranslations("invitations.accept");
  const { busy, accept } = useAcceptInvitation(organizationName, () => acceptAction(token));

  return (
    <Button size="lg" className="w-full" onClick={accept} loading={busy}>
      {busy ? t("accepting") : t("button")}
    </Button>
  );
}
