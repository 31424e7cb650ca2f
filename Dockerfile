# One image per process: `api` (HTTP API + the built web app) and `worker` (Temporal worker).
# Used by docker-compose.yml; the embedded `npm start` needs no container.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true CI=true
COPY . .
RUN npm ci && npx nx run-many -t build

FROM build AS api
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
CMD ["npm", "run", "start", "-w", "@dunning/api"]

FROM build AS worker
ENV NODE_ENV=production
CMD ["npm", "run", "start", "-w", "@dunning/worker"]
