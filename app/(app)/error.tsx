"use client";

import { ErrorView, type ErrorViewProps } from "@/components/common/error-view";

/** Keeps the shell (navigation, organisation switcher) around a page that failed. */
export default function AppError(props: ErrorViewProps) {
  return <ErrorView {...props} />;
}
