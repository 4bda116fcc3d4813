import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER } from "@/lib/request-path";

// Only tells server components which page was asked for (see lib/request-path.ts); the header
// is always overwritten here, so a client cannot choose where a sign-in sends it back.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not the API, Next's assets, the service worker or static files.
  matcher: ["/((?!api/|_next/|sw\\.js|swe-worker|manifest\\.webmanifest|favicon\\.ico|icons/|.*\\.(?:png|svg|ico|js|css|txt|webmanifest)$).*)"],
};
