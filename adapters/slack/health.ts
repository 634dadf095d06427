// GET /healthz (the process is up) and GET /readyz (knowledge indexed, adapters connected) on the
// HTTP receiver's port, for load balancers and orchestrators.
import type { CustomRoute } from '@slack/bolt';
import type { HealthState } from '../shared/adapter.js';

export function healthRoutes(health: HealthState): CustomRoute[] {
  const reply = (res: Parameters<CustomRoute['handler']>[1], ok: boolean) => {
    res.writeHead(ok ? 200 : 503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(ok ? 'ok\n' : 'not ready\n');
  };
  return [
    { path: '/healthz', method: ['GET'], handler: (_req, res) => reply(res, true) },
    { path: '/readyz', method: ['GET'], handler: (_req, res) => reply(res, health.isReady()) },
  ];
}
