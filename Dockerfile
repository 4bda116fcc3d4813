# syntax=docker/dockerfile:1
# Mostrador's production image: Next.js standalone server (only the node_modules it traces),
# the service worker, and the bundled migrate script. Build:  docker build -t mostrador .
ARG NODE_VERSION=24

# 1. Dependencies exactly as locked (dev ones too: the build needs them; the image will not).
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# 2. Build: next build (output "standalone") + service worker, then the migrate bundle.
FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build && npm run build:migrate

# 3. Runtime: no npm install, no dev dependency, no source; a non-root user.
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
WORKDIR /app
RUN groupadd --system --gid 1001 mostrador \
 && useradd --system --uid 1001 --gid mostrador --no-create-home --shell /usr/sbin/nologin mostrador
COPY --from=build --chown=mostrador:mostrador /app/.next/standalone ./
COPY --from=build --chown=mostrador:mostrador /app/.next/static ./.next/static
COPY --from=build --chown=mostrador:mostrador /app/public ./public
# `node dist/migrate.mjs [--seed]` applies drizzle/ (generated + hand-written SQL) as the owner role.
COPY --from=build --chown=mostrador:mostrador /app/dist/migrate.mjs ./dist/migrate.mjs
COPY --from=build --chown=mostrador:mostrador /app/drizzle ./drizzle
# The server front that stamps the client address from the socket (TRUSTED_PROXY_HOPS), around Next.
COPY --from=build --chown=mostrador:mostrador /app/scripts/serve.mjs /app/scripts/client-ip.mjs ./scripts/
ARG MOSTRADOR_COMMIT=unknown
ENV MOSTRADOR_COMMIT=${MOSTRADOR_COMMIT}
USER mostrador
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "scripts/serve.mjs"]
