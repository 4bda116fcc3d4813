// Tailwind v4 reads this through `@config` in src/app/globals.css.
import type { Config } from "tailwindcss";

export default {
  content: ["./src/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: { DEFAULT: "#0f766e", dark: "#115e59", light: "#ccfbf1" },
      },
    },
  },
} satisfies Config;
