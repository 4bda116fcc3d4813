import Link from "next/link";

export default function NotFound() {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">No encontramos esa página</h1>
      <p className="text-slate-600">Puede que el negocio no exista o que no tengas acceso.</p>
      <Link href="/negocios" className="font-medium text-teal-700 hover:underline">
        Ir a mis negocios
      </Link>
    </div>
  );
}
