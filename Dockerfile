# Huurdersstem: one image for every part; ROLE (all, api, gateway, worker) picks what a container runs.
# Build:  docker build -t huurdersstem .
# syntax=docker/dockerfile:1

# 1. Compile TypeScript with the full (dev) dependency set.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
COPY scripts ./scripts
RUN npm run build \
  # The web pages' static files are read from apps/web/public at run time; make sure the folder exists.
  && mkdir -p apps/web/public

# 2. Production dependencies only (no compiler, no test tools).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. The runtime: compiled code, production dependencies, running as the unprivileged `node` user.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/apps/web/public ./apps/web/public
# register-paths.js maps the @hs/* aliases of tsconfig.json onto dist/ at run time.
COPY --chown=node:node package.json tsconfig.json ./
COPY --chown=node:node scripts/register-paths.js ./scripts/register-paths.js
# Served at /api/docs/asyncapi beside the OpenAPI page.
COPY --chown=node:node docs/asyncapi.yaml ./docs/asyncapi.yaml
USER node
EXPOSE 3000
# Other commands in this image:
#   node -r ./scripts/register-paths.js dist/scripts/migrate.js     (create + migrate the database, then exit)
#   node -r ./scripts/register-paths.js dist/scripts/seed-demo.js   (the demo round, idempotent)
CMD ["node", "-r", "./scripts/register-paths.js", "dist/apps/server/src/main.js"]
