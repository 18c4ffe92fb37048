# syntax=docker/dockerfile:1
# Gatekeeper's container image: built in one stage, run in another with production dependencies only,
# as the unprivileged `node` user. Build: docker build -t gatekeeper . (see infra/README.md to deploy).
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NO_UPDATE_NOTIFIER=1 npm_config_fund=false npm_config_audit=false
COPY package.json package-lock.json .npmrc ./
# Install scripts stay off: the compiler needs none of them, and nothing runs that we did not choose.
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY bot bot
COPY cards cards
COPY emulator emulator
COPY manifest manifest
COPY scripts scripts
COPY services services
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production NO_UPDATE_NOTIFIER=1 npm_config_fund=false npm_config_audit=false \
    PORT=3978 HOST=0.0.0.0
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3978
# /healthz answers while the process serves; /readyz (MongoDB, Graph) is for the load balancer's readiness.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--disable-warning=DEP0111", "dist/bot/main.js"]
