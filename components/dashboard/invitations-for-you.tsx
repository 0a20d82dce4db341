import { MailOpen } from "lucide-react";
import { useTranslations } from "next-intl";
import { OrgKindBadge } from "@/components/common/org-kind-badge";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { OrgKind, RoleName } from "@/lib/orgs/schema";
import { cn } from "@/lib/utils";

export type InvitationForYou = { id: string; role: RoleName; organization: { name: string; kind: OrgKind } };

/**
 * Pending invitations addressed to the signed-in user's verified address. They are accepted only
 * through the link in the invitation e-mail (the token proves the mailbox), so this reminds.
 */
export function InvitationsForYou({ invitations, className }: { invitations: InvitationForYou[]; className?: string }) {
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
            </li>
          ))}
        </ul>
        <p className="mt-2 text-xs">{t("hint")}</p>
      </AlertDescription>
    </Alert>
  );
}
