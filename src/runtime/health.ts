// GET /healthz (the process is up) and GET /readyz (the knowledge base is indexed and every adapter is
// connected) on HEALTH_PORT, for orchestrators and load balancers. node:http only: a probe endpoint
// must not depend on any platform library, and it has to answer while those are still connecting.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HealthServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** Interface to listen on; all interfaces by default, since probes come from outside the container. */
  host?: string;
  isReady(): boolean;
  /** Parts on a fallback (Redis unreachable, say): /readyz stays 200 and names them. */
  degraded?(): string[];
}

/** The /readyz answer, shared with the Slack HTTP receiver's copy of these routes. */
export function readiness(isReady: () => boolean, degraded?: () => string[]): [number, object] {
  if (!isReady()) return [503, { status: 'not_ready' }];
  const parts = degraded?.() ?? [];
  return [200, parts.length ? { status: 'ready', degraded: parts } : { status: 'ready' }];
}

export interface HealthServer {
  /** The bound port (useful with port 0). */
  port: number;
  close(): Promise<void>;
}

export async function startHealthServer({ port, host, isReady, degraded }: HealthServerOptions): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, { status: 'method_not_allowed' });
    if (path === '/healthz') return send(200, { status: 'ok' });
    if (path === '/readyz') return send(...readiness(isReady, degraded));
    return send(404, { status: 'not_found' });
  });
  // Probes hold no long requests: a short keep-alive lets close() finish promptly at shutdown.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Idle keep-alive sockets would otherwise hold close() open until they time out.
      server.closeIdleConnections();
    }),
  };
}
