import type { EditCategory } from "@/lib/catalogue/schema";
import type { EditItemStatus, EditRequestStatus, EditRule } from "@/lib/edits/schema";

/**
 * The plain shapes the edit-rights components render. Pages build them from the domain queries
 * (dates as ISO strings, decimals as strings, names already in the UI language), so components
 * never see Prisma types and client components receive serialisable props only.
 */

export type PolicyElementView = { category: EditCategory; rule: EditRule; maxPct: string | null; note: string | null };

export type PolicyView = {
  id: string;
  version: number;
  /** ISO instant the version was saved. */
  createdAt: string;
  createdBy: string | null;
  elements: PolicyElementView[];
};

export type RequestItemView = {
  id: string;
  position: number;
  category: EditCategory;
  description: string;
  rationale: string | null;
  magnitudePct: string | null;
  status: EditItemStatus;
  reason: string | null;
  automatic: boolean;
  decidedAt: string | null;
};

export type Named = { id: string; name: string };

export type RequestView = {
  id: string;
  name: string;
  status: EditRequestStatus;
  title: Named;
  baseVersion: Named;
  territories: { code: string; name: string }[];
  deal: Named | null;
  partner: Named;
  studio: Named;
  policyVersion: number | null;
  resultVersion: Named | null;
  changesRequestedNote: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  withdrawnAt: string | null;
  createdAt: string;
  updatedAt: string;
  lockVersion: number;
  items: RequestItemView[];
};

export type CommentView = { id: string; body: string; createdAt: string; author: string | null; organization: Named; mine: boolean };

export type AttachmentView = {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: string;
  organization: string;
  uploadedBy: string | null;
  href: string;
};

export type TimelineEntryView = {
  id: string;
  at: string;
  action: string;
  actor: string | null;
  organization: string | null;
  detail: string | null;
};
