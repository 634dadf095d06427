// /healthz (the process is up) and /readyz (knowledge indexed, adapters connected) on the HTTP
// receiver's port, for load balancers and orchestrators. They answer exactly as src/runtime/health.ts
// does on HEALTH_PORT (same JSON, status codes and methods), so a probe works the same on either port;
// test/slack/health.test.ts compares the two.
import { METHODS } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import { readiness } from '../../src/runtime/health.js';
import type { HealthState } from '../shared/adapter.js';

type Response = Parameters<CustomRoute['handler']>[1];

function send(res: Response, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body)); // Node drops the body of a HEAD response
}

export function healthRoutes(health: HealthState): CustomRoute[] {
  const route = (path: string, answer: (res: Response) => void): CustomRoute => ({
    path,
    // Every method, so the others get 405 as on HEALTH_PORT rather than Bolt's 404.
    method: [...METHODS],
    handler: (req, res) => (req.method === 'GET' || req.method === 'HEAD' ? answer(res) : send(res, 405, { status: 'method_not_allowed' })),
  });
  return [
    route('/healthz', (res) => send(res, 200, { status: 'ok' })),
    route('/readyz', (res) => send(res, ...readiness(() => health.isReady(), () => health.degraded?.() ?? []))),
  ];
}
