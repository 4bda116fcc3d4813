import manifest from "../../../../manifest";

// Per-business manifest: installing from a register opens that business's POS directly.
export async function GET(_req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  const safe = /^[a-z0-9-]{1,40}$/.test(slug) ? slug : "";
  const base = manifest();
  return Response.json(
    {
      ...base,
      id: `/${safe}/pos`,
      name: "Mostrador · Punto de venta",
      short_name: "Caja",
      start_url: `/${safe}/pos`,
      scope: "/",
    },
    { headers: { "content-type": "application/manifest+json", "cache-control": "no-cache" } },
  );
}
