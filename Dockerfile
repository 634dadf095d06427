# One image for every process of the fleet (Slack replicas, the Discord shard manager): `npm start`'s
# bundle, with the knowledge base it answers from.
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
# Probes: /healthz (up) and /readyz (ready; its body names a degraded part such as Redis).
CMD ["node", "--enable-source-maps", "dist/adapters/main.js"]
