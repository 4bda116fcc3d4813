import Link from "next/link";

export default function Landing() {
  return (
    <div className="mx-auto flex min-h-screen max-w-4xl flex-col px-6 py-10">
      <header className="flex items-center justify-between">
        <span className="text-2xl font-bold text-teal-800">Mostrador</span>
        <Link href="/ingresar" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
          Ingresar
        </Link>
      </header>
      <main className="flex flex-1 flex-col justify-center py-16">
        <h1 className="max-w-2xl text-4xl font-bold leading-tight text-slate-900 sm:text-5xl">Stock, compras, caja y factura electrónica en un solo lugar.</h1>
        <p className="mt-4 max-w-xl text-lg text-slate-600">
          Para hoteles, restaurantes y comercios de Argentina. Lotes con vencimiento, punto de venta que sigue vendiendo sin internet y facturación ARCA (ex AFIP) en segundo plano.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href="/registro" className="rounded-md bg-teal-700 px-5 py-3 font-medium text-white hover:bg-teal-800">
            Crear mi negocio
          </Link>
          <Link href="/ingresar" className="rounded-md px-5 py-3 font-medium text-teal-800 hover:bg-teal-50">
            Ya tengo cuenta
          </Link>
        </div>
      </main>
    </div>
  );
}
