import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per request so the environment is validated at run time, not at build.
async function handler(req: Request, ctx: RouteContext) {
  return NextAuth(req as never, { params: await ctx.params } as never, authOptions());
}
export { handler as GET, handler as POST };
