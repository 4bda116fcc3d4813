import { redirect } from "next/navigation";

/** The old offline terminal's address (installed apps, bookmarks): the one POS lives at /pos. */
export default async function TerminalRedirect({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  redirect(`/${encodeURIComponent(slug)}/pos`);
}
