# One image for api and worker (they share the compiled server code); the command picks the process.
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN node scripts/build-server.mjs && cd web && npx vite build --logLevel warn

FROM node:20.20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/build ./web/build
# A fresh named volume mounted here inherits this ownership, so the unprivileged user can write the secret.
RUN mkdir -p /run/peerlift && chown node:node /run/peerlift
USER node
EXPOSE 3000
# --max-semi-space-size: as scripts/start.mjs (docs/decisions.md, "api node flags").
CMD ["node", "--max-semi-space-size=32", "dist/api/src/main.js"]
