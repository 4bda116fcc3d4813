"use client";
import { useParams } from "next/navigation";
import { ErrorPanel } from "@/components/ui/error-panel";

export default function BusinessError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { slug } = useParams<{ slug: string }>();
  return <ErrorPanel digest={error.digest} onRetry={reset} homeHref={slug ? `/${slug}` : "/negocios"} />;
}
