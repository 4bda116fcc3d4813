import type { MetadataRoute } from "next";

// The app-wide web manifest. Each business's POS page links its own manifest
// (/<slug>/terminal/manifest.webmanifest) whose start URL opens that business's register.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Mostrador",
    short_name: "Mostrador",
    description: "Inventario, compras y punto de venta que sigue vendiendo sin conexión.",
    lang: "es-AR",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "any",
    background_color: "#ffffff",
    theme_color: "#0f766e",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
