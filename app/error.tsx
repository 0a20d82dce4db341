"use client";

import { ErrorView, type ErrorViewProps } from "@/components/common/error-view";

export default function ErrorPage(props: ErrorViewProps) {
  return <ErrorView {...props} />;
}
