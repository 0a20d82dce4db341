import { MailOpen } from "lucide-react";
import { useTranslations } from "next-intl";
import { OrgKindBadge } from "@/components/common/org-kind-badge";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/actions/result";
import type { OrgKind, RoleName } from "@/lib/orgs/schema";
import { cn } from "@/lib/utils";
import { AcceptInvitationByIdButton } from "./accept-invitation-by-id-button";

export type InvitationForYou = { id: string; role: RoleName; organization: { name: string; kind: OrgKind } };

/**
 * Pending invitations addressed to the signed-in user's email, each with an Accept button when
 * the page passes `acceptAction` (acceptInvitationByIdAction checks the invitation is for this email).
 */
export function InvitationsForYou({
  invitations,
  acceptAction,
  className,
}: {
  invitations: InvitationForYou[];
  acceptAction?: (invitationId: string) => Promise<ActionResult<{ organizationId: string }>>;
  className?: string;
}) {
  const t = useTranslations("invitations.forYou");
  const tRole = useTranslations("role");
  if (invitations.length === 0) return null;
  return (
    <Alert variant="info" className={cn("mb-6", className)} data-testid="invitations-for-you">
      <MailOpen aria-hidden />
      <AlertTitle className="text-foreground">{t("title")}</AlertTitle>
      <AlertDescription>
        <ul className="mt-1 flex flex-col gap-1">
          {invitations.map((invitation) => (
            <li key={invitation.id} className="flex flex-wrap items-center gap-2 text-foreground">
              <OrgKindBadge kind={invitation.organization.kind} />
              <span className="min-w-0 flex-1">
                {t("item", { organization: invitation.organization.name, role: tRole(invitation.role) })}
              </span>
              {acceptAction ? (
                <AcceptInvitationByIdButton
                  invitationId={invitation.id}
                  organizationName={invitation.organization.name}
                  acceptAction={acceptAction}
                />
              ) : null}
            </li>
          ))}
        </ul>
        {/* The hint explains accepting through the emailed link, which is only needed without the button. */}
        {acceptAction ? null : <p className="mt-2 text-xs">{t("hint")}</p>}
      </AlertDescription>
    </Alert>
  );
}
