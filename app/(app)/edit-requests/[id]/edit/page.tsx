import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageHeader } from "@/components/common/page-header";
import { requestFormOptions } from "@/components/edits/form-options";
import { RequestForm } from "@/components/edits/request-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Link } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/gate";
import type { EditCategory } from "@/lib/catalogue/schema";
import { createEditRequestAction, loadEditPolicyAction, submitEditRequestAction, updateEditRequestAction } from "@/lib/edits/actions";
import { getEditRequest } from "@/lib/edits/queries";

type Params = Promise<{ id: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("edits.form");
  return { title: t("editTitle") };
}

/** The partner changes its DRAFT (or a request the studio sent back) and saves or submits it. */
export default async function EditEditRequestPage({ params }: { params: Params }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const { actor } = await requirePermission("edits.request.write");
  const request = await getEditRequest(actor, id);
  if (!request || request.partnerId !== actor.org.id) notFound();
  const [t, tKind, locale] = await Promise.all([getTranslations("edits.form"), getTranslations("catalogue.versionKinds"), getLocale()]);
  const editable = request.status === "DRAFT" || request.status === "CHANGES_REQUESTED";
  const options = editable ? await requestFormOptions(actor, locale, tKind("ORIGINAL")) : null;
  // The request's own title stays selectable even if the studio has since unlisted it.
  const titles =
    options && !options.titles.some((x) => x.id === request.titleId)
      ? [
          ...options.titles,
          {
            id: request.titleId,
            name: request.title.titleEn ?? request.title.originalTitle,
            studio: request.studio.name,
            versions: [{ id: request.baseVersion.id, name: request.baseVersion.name, original: request.baseVersion.kind === "ORIGINAL" }],
          },
        ]
      : (options?.titles ?? []);

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/edit-requests/${id}`} className="hover:text-foreground hover:underline">
            {request.name}
          </Link>
        }
        title={t("editTitle")}
        description={t("editDescription")}
      />
      {options ? (
        <RequestForm
          titles={titles}
          deals={options.deals}
          territories={options.territories}
          request={{
            id,
            version: request.lockVersion,
            values: {
              titleId: request.titleId,
              baseVersionId: request.baseVersionId,
              territories: request.territories,
              dealId: request.dealId ?? "",
              name: request.name,
              items: request.items.map((i) => ({
                category: i.category as EditCategory,
                description: i.description,
                rationale: i.rationale ?? "",
                magnitudePct: i.magnitudePct?.toString() ?? "",
              })),
            },
          }}
          loadPolicyAction={loadEditPolicyAction}
          createAction={createEditRequestAction}
          updateAction={updateEditRequestAction}
          submitAction={submitEditRequestAction}
        />
      ) : (
        <Alert>
          <AlertDescription>
            {t("notEditable")}{" "}
            <Link href={`/edit-requests/${id}`} className="underline">
              {request.name}
            </Link>
          </AlertDescription>
        </Alert>
      )}
    </>
  );
}
