# snapcrawl in a container: Debian's Node 20, Debian's Chromium and CJK font, the store in a volume.
#
#   docker build -t snapcrawl .
#   docker run --rm -v snapcrawl-data:/data -v "$PWD/config:/data/config:ro" snapcrawl crawl --config config/sources.yaml
#   docker run -d -p 127.0.0.1:8080:8080 -v snapcrawl-data:/data -v "$PWD/config:/data/config:ro" \
#     snapcrawl serve --config config/sources.yaml --host 0.0.0.0
#
# A relative `store:` (the default, `snapshots`) lands in /data, the volume. The process runs as the
# image's unprivileged `node` user (uid 1000).

ARG NODE_IMAGE=node:20-bookworm-slim

# --- dependencies: better-sqlite3 is a native addon; node-gyp builds it when no prebuilt binary fits.
FROM ${NODE_IMAGE} AS deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/snapcrawl
COPY package.json package-lock.json ./
# Runtime dependencies only (tsx runs the TypeScript, so there is no build step); exactly the lock file.
RUN npm ci --omit=dev --no-audit --no-fund \
 && node -e "require('better-sqlite3')(':memory:').prepare('select 1').get()"

# --- runtime: no compilers, Chromium for `render: browser`/`auto` and the font for Chinese screenshots.
FROM ${NODE_IMAGE}
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-wqy-microhei ca-certificates tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    SNAPCRAWL_CHROMIUM=/usr/bin/chromium
WORKDIR /opt/snapcrawl
COPY --from=deps /opt/snapcrawl/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY config ./config
# The CLI's plain-JavaScript bundle (bin/cli-bundle.js), built now while node_modules is writable: the runtime user
# cannot write node_modules/.cache, and without the bundle every run would load the sources through tsx.
RUN node bin/snapcrawl.js --version
# The store's volume, owned by the unprivileged user so a fresh named volume is writable.
RUN mkdir -p /data && chown node:node /data
VOLUME /data
WORKDIR /data
USER node
EXPOSE 8080
# tini forwards SIGTERM/SIGINT (a graceful stop: in-flight pages finish, the run stays resumable) and reaps Chromium.
ENTRYPOINT ["/usr/bin/tini", "--", "node", "/opt/snapcrawl/bin/snapcrawl.js"]
CMD ["--help"]
