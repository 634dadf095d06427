// /healthz and /readyz on the Slack HTTP port answer exactly as the health server on HEALTH_PORT
// (src/runtime/health.ts) does: same status, content type and body, for every method.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHealthServer, type HealthServer } from '../../src/runtime/health.js';
import { startHarness, type Harness } from './harness.js';

describe('Slack health routes', () => {
  let h: Harness;
  let reference: HealthServer;
  beforeAll(async () => {
    h = await startHarness();
    reference = await startHealthServer({ port: 0, host: '127.0.0.1', isReady: () => h.ready.value });
  });
  afterAll(async () => {
    await reference.close();
    await h.close();
  });

  const probe = async (base: string, method: string, path: string) => {
    const res = await fetch(`${base}${path}`, { method });
    return { status: res.status, type: res.headers.get('content-type'), cache: res.headers.get('cache-control'), body: await res.text() };
  };

  it('match the health server for GET, HEAD and other methods, ready or not', async () => {
    for (const ready of [true, false]) {
      h.ready.value = ready;
      for (const path of ['/healthz', '/readyz']) {
        for (const method of ['GET', 'HEAD', 'POST', 'DELETE']) {
          const slack = await probe(h.base, method, path);
          expect(slack, `${method} ${path} ready=${ready}`).toEqual(await probe(`http://127.0.0.1:${reference.port}`, method, path));
        }
      }
    }
  });

  it('say what a probe expects', async () => {
    h.ready.value = false;
    expect(await probe(h.base, 'GET', '/healthz')).toMatchObject({ status: 200, type: 'application/json', body: '{"status":"ok"}' });
    expect(await probe(h.base, 'GET', '/readyz')).toMatchObject({ status: 503, body: '{"status":"not_ready"}' });
    expect(await probe(h.base, 'HEAD', '/readyz')).toMatchObject({ status: 503, body: '' });
    h.ready.value = true;
    expect(await probe(h.base, 'GET', '/readyz')).toMatchObject({ status: 200, body: '{"status":"ready"}' });
    expect(await probe(h.base, 'POST', '/readyz')).toMatchObject({ status: 405, body: '{"status":"method_not_allowed"}' });
  });
});
