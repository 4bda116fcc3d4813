// Builds the service worker after `next build` (npm "postbuild"): bundles src/app/sw.ts with
// esbuild, then injects the precache manifest of Next's static output with @serwist/build.
// Why not @serwist/next's webpack plugin: Next 16 builds with Turbopack, which runs no
// webpack plugins; this keeps the default bundler and needs no new dependency.
import { build } from "esbuild";
import { injectManifest } from "@serwist/build";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const tmp = path.join(root, ".next", "sw.bundle.js");
const dest = path.join(root, "public", "sw.js");

if (!existsSync(path.join(root, ".next", "static"))) {
  console.error("build-sw: .next/static not found; run `next build` first");
  process.exit(1);
}

await build({
  entryPoints: [path.join(root, "src", "app", "sw.ts")],
  bundle: true,
  format: "esm",
  target: ["chrome110", "firefox115", "safari16"],
  minify: true,
  sourcemap: false,
  outfile: tmp,
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
});

const { count, size, warnings } = await injectManifest({
  swSrc: tmp,
  swDest: dest,
  globDirectory: root,
  globPatterns: [".next/static/**/*.{js,css,woff,woff2,png,svg,ico,webp,jpg,json}", "public/icons/*.png"],
  // Hashed file names already change with their content: no ?__WB_REVISION__ needed.
  dontCacheBustURLsMatching: /^\.next\/static\//,
  maximumFileSizeToCacheInBytes: 10 * 1024 * 1024,
  manifestTransforms: [
    (entries) => ({
      manifest: entries.map((e) => ({
        ...e,
        url: e.url.startsWith(".next/static/")
          ? `/_next/static/${e.url.slice(".next/static/".length)}`
          : e.url.startsWith("public/")
            ? `/${e.url.slice("public/".length)}`
            : e.url,
      })),
      warnings: [],
    }),
  ],
});
rmSync(tmp, { force: true });
for (const w of warnings) console.warn(`build-sw: ${w}`);
console.log(`build-sw: public/sw.js precaches ${count} files (${(size / 1024).toFixed(0)} KiB)`);
