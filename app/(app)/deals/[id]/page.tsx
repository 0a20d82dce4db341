import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { AddGrantDialog } from "@/components/deals/add-grant-dialog";
import { AmendmentsPanel } from "@/components/deals/amendments-panel";
import { ConflictsPanel } from "@/components/deals/conflicts";
import { DealActions } from "@/components/deals/deal-actions";
import { DealDocuments, DealHeader, DealParties, DealStatusCard } from "@/components/deals/deal-overview";
import { EditTermsDialog } from "@/components/deals/edit-terms-dialog";
import { EmaImportDialog } from "@/components/deals/ema-import-dialog";
import { GrantsTable } from "@/components/deals/grants-table";
import { languageLabel, languageOptions, mediaOptions, nameMaps, territoryOptions } from "@/components/deals/reference-options";
import { TermsPanel } from "@/components/deals/terms-panel";
import { ApplyForAdvanceLink } from "@/components/facility/apply-for-advance-link";
import { DealObligations } from "@/components/obligations/deal-obligations";
import { DealMoneyLinks } from "@/components/statements/deal-section";
import { requireSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import { todayUtc } from "@/lib/dates";
import {
  addGrantAction,
  amendmentStepAction,
  createAmendmentAction,
  deleteGrantAction,
  exerciseRenewalAction,
  proposeDealAction,
  signDealAction,
  terminateDealAction,
  updateDealAction,
} from "@/lib/deals/actions";
import { renewalOpen } from "@/lib/deals/amendment";
import { presentDeal } from "@/lib/deals/present";
import { getDeal, licensableTitles, listAmendments, signatoryNames, signingPreview } from "@/lib/deals/queries";
import { isLocale } from "@/lib/i18n/config";
import { countryName } from "@/lib/i18n/countries";
import { calendarObligations } from "@/lib/obligations/queries";
import { listCurrencies } from "@/lib/reference/currencies";

type Params = Promise<{ id: string }>;

async function load(id: string) {
  if (!z.uuid().safeParse(id).success) notFound();
  const session = await requireSession();
  const deal = await getDeal(session.actor, id);
  if (!deal) notFound();
  return { ...session, deal };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const { deal } = await load(id);
  return { title: deal.name };
}

export default async function DealPage({ params }: { params: Params }) {
  const { id } = await params;
  const { actor, deal } = await load(id);
  const locale = await getLocale();
  const lang = isLocale(locale) ? locale : "en";
  const subject = { role: actor.role, orgKind: actor.org.kind };
  const mayWrite = can(subject, "deals.write");
  const maySign = can(subject, "deals.sign");
  const view = presentDeal(deal, actor.org.id);
  const open = view.status === "DRAFT" || view.status === "PROPOSED";
  const editable = open && mayWrite;
  const side = view.role === "LICENSOR" ? "licensor" : "licensee";
  const counterparty = view.role === "LICENSOR" ? view.licensee : view.licensor;

  const dated = view.status === "SIGNED" || view.status === "EXPIRED" || view.status === "TERMINATED";
  const [preview, titles, signatories, t, amendments, obligations] = await Promise.all([
    open ? signingPreview(actor, deal.id) : Promise.resolve(null),
    editable ? licensableTitles(actor, deal.licensorId) : Promise.resolve([]),
    signatoryNames(deal),
    getTranslations("deals.detail"),
    listAmendments(actor, deal.id),
    dated ? calendarObligations(actor, { dealId: deal.id }, lang) : Promise.resolve(null),
  ]);
  const names = nameMaps(locale);
  const titleNames = Object.fromEntries(
    deal.grants.map((g) => [g.titleId, (lang === "zh" ? g.title.titleZh : g.title.titleEn) ?? g.title.originalTitle]),
  );
  const languageNames = Object.fromEntries(deal.grants.flatMap((g) => g.languages).map((l) => [l, languageLabel(l, locale)]));
  const currencies = editable
    ? listCurrencies({ dealable: true }).map((c) => ({ code: c.code, name: c.name[lang], minorUnits: c.minorUnits ?? 2 }))
    : [];
  // Only the licensor is party to every deal of its titles; a licensee cannot open the others.
  const linkDeals = view.role === "LICENSOR";
  const party = (o: typeof view.licensor) => ({ ...o, countryName: countryName(o.homeCountry, locale) });

  return (
    <>
      <DealHeader
        name={view.name}
        status={view.status}
        role={view.role === "LICENSOR" ? "LICENSOR" : "LICENSEE"}
        licensor={view.licensor.name}
        licensee={view.licensee.name}
        currency={view.currency}
        version={view.version}
      />
      {view.status === "SIGNED" || view.status === "EXPIRED" || view.status === "TERMINATED" ? (
        <DealMoneyLinks dealId={view.id} role={view.role === "LICENSOR" ? "LICENSOR" : "LICENSEE"} active="deal" className="-mt-2" />
      ) : null}

      <div className="grid gap-6">
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <div className="flex min-w-0 flex-col gap-6">
            <DealStatusCard
              status={view.status}
              awaiting={view.awaitingOrganizationId === actor.org.id ? "YOU" : view.awaitingOrganizationId ? counterparty.name : null}
              counterpartyName={counterparty.name}
              signedAt={view.signedAt}
              terminatedAt={view.terminatedAt}
              terminationReason={view.terminationReason}
              signatures={[
                { side: "licensor", organization: view.licensor.name, at: view.signatures.licensor?.at ?? null, by: signatories.licensor },
                { side: "licensee", organization: view.licensee.name, at: view.signatures.licensee?.at ?? null, by: signatories.licensee },
              ]}
            >
              <DealActions
                dealId={view.id}
                version={view.version}
                status={view.status}
                organizationName={actor.org.name}
                counterpartyName={counterparty.name}
                signedByUs={view.signatures[side] !== null}
                hasGrants={view.grants.length > 0}
                mayWrite={mayWrite}
                maySign={maySign}
                names={names}
                titleNames={titleNames}
                linkDeals={linkDeals}
                proposeAction={proposeDealAction}
                signAction={signDealAction}
                terminateAction={terminateDealAction}
              />
            </DealStatusCard>
            {view.status === "SIGNED" && view.role === "LICENSOR" && view.crossBorder && can(subject, "advances.apply") ? (
              <ApplyForAdvanceLink dealId={view.id} />
            ) : null}
            {preview ? (
              <ConflictsPanel
                conflicts={preview.conflicts}
                uncovered={preview.uncovered}
                names={names}
                dealId={view.id}
                titleNames={titleNames}
                linkDeals={linkDeals}
                hasGrants={view.grants.length > 0}
              />
            ) : null}
          </div>
          <DealParties
            licensor={party(view.licensor)}
            licensee={party(view.licensee)}
            crossBorder={view.crossBorder}
            createdAt={view.createdAt}
            updatedAt={view.updatedAt}
          />
        </div>

        <div className="flex min-w-0 flex-col gap-3">
          <GrantsTable
            dealId={view.id}
            version={view.version}
            grants={view.grants}
            names={names}
            languageNames={languageNames}
            editable={editable}
            deleteAction={deleteGrantAction}
            toolbar={
              editable ? (
                <>
                  <EmaImportDialog dealId={view.id} version={view.version} />
                  <AddGrantDialog
                    dealId={view.id}
                    version={view.version}
                    titles={titles.map((x) => ({ ...x, versions: x.versions.map((v) => ({ ...v, kind: String(v.kind) })) }))}
                    territories={territoryOptions(locale)}
                    media={mediaOptions(locale)}
                    languages={languageOptions(locale)}
                    addAction={addGrantAction}
                  />
                </>
              ) : null
            }
          />
          {editable && view.status === "PROPOSED" ? <p className="text-xs text-muted-foreground">{t("changeVoidsSignatures")}</p> : null}
        </div>

        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <TermsPanel
            terms={view.terms}
            currency={view.currency}
            action={
              editable ? (
                <EditTermsDialog
                  dealId={view.id}
                  version={view.version}
                  name={view.name}
                  currency={view.currency}
                  terms={view.terms}
                  proposed={view.status === "PROPOSED"}
                  currencies={currencies}
                  updateAction={updateDealAction}
                />
              ) : null
            }
          />
          <DealDocuments dealId={view.id} hasGrants={view.grants.length > 0} />
        </div>

        {obligations ? <DealObligations items={obligations.items} /> : null}

        {view.status === "SIGNED" || (amendments?.items.length ?? 0) > 0 ? (
          <AmendmentsPanel
            dealId={view.id}
            ourOrgId={actor.org.id}
            side={side}
            currency={view.currency}
            minimumGuarantee={view.terms.minimumGuarantee ? `${view.terms.minimumGuarantee.amount} ${view.currency}` : null}
            amendments={amendments?.items ?? []}
            grants={view.grants.map((g) => ({
              id: g.id,
              label: `${titleNames[g.titleId] ?? g.title.originalTitle} · ${g.territories.join(", ")} · ${g.start} – ${g.end}`,
              start: g.start,
              end: g.end,
              territories: g.territories,
              seasons: g.seasons,
              seriesSeasons: deal.grants.find((d) => d.id === g.id)?.title.seasons.map((s) => s.number) ?? [],
            }))}
            titleNames={titleNames}
            renewalOption={view.terms.renewalOption}
            renewalOpen={view.terms.renewalOption ? renewalOpen(view.terms.renewalOption, todayUtc()) : false}
            mayWrite={mayWrite && view.status === "SIGNED"}
            maySign={maySign && view.status === "SIGNED"}
            createAction={createAmendmentAction}
            stepAction={amendmentStepAction}
            renewAction={exerciseRenewalAction}
          />
        ) : null}
      </div>
    </>
  );
}
