import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <PageSkeleton rows={4} />
    </div>
  );
}
