// A small loopback load balancer for the fleet tests and bench: spreads requests round-robin over the
// replicas, as nginx or HAProxy would. Like them it skips a replica known to be down: one whose
// connection just failed (nginx's passive `max_fails=1`), or whose /readyz, probed every
// HEALTH_INTERVAL_MS, did not answer 200 (HAProxy's `option httpchk`); a probe answering 200 puts it
// back. As nginx's `proxy_next_upstream error` (and adapters/console/README.md's advice), a request
// that never reached a replica (the connection was refused) is sent once more, to another replica;
// one that may have reached it is answered 502, since a POST must not be sent twice.
import { once } from 'node:events';
import { Agent, request, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const HEALTH_INTERVAL_MS = 200;
const HEALTH_TIMEOUT_MS = 2_000;

export interface Proxy {
  url: string;
  /** Replace the upstream ports (a replica restarted on another port, say). */
  setUpstreams(ports: number[]): void;
  /** Requests answered 502: their replica died with them, or the one retry failed too. */
  failed: number;
  close(): Promise<void>;
}

export async function startProxy(upstreams: number[]): Promise<Proxy> {
  let ports = [...upstreams];
  let next = 0;
  const down = new Set<number>();
  const state = { failed: 0 };
  // Keep-alive to the replicas, as nginx's `keepalive` in an upstream block: no TCP handshake per request.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });

  /** The next replica in turn that is not known down and not `avoid`; if every one is, the next in turn anyway. */
  const pick = (avoid?: number): number | undefined => {
    const candidates = ports.filter((p) => p !== avoid);
    const up = candidates.filter((p) => !down.has(p));
    const from = up.length ? up : candidates;
    return from.length ? from[next++ % from.length] : undefined;
  };

  const probe = async (port: number) => {
    const answer = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) }).catch(() => undefined);
    await answer?.arrayBuffer().catch(() => undefined);
    if (answer?.status === 200) down.delete(port);
    else down.add(port);
  };
  let probing = false;
  const health = setInterval(() => {
    if (probing) return; // a slow round (a loaded machine) is not stacked on
    probing = true;
    void Promise.all(ports.map(probe)).finally(() => { probing = false; });
  }, HEALTH_INTERVAL_MS).unref();

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, port: number | undefined, retried: boolean) => {
    if (port === undefined) {
      state.failed++;
      res.writeHead(502).end();
      return;
    }
    let sent = false;
    let responded = false;
    const upstream = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
      responded = true;
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    });
    // A reused connection may already carry the request to the replica: only a new one that never
    // connected is safe to try elsewhere.
    upstream.on('socket', (socket) => {
      if (!socket.connecting) sent = true;
      else socket.on('connect', () => { sent = true; });
    });
    upstream.on('error', () => {
      if (responded) return void res.destroy();
      down.add(port);
      if (!sent && !retried) return forward(req, res, body, pick(port), true);
      state.failed++;
      res.writeHead(502).end();
    });
    upstream.end(body);
  };

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    forward(req, res, Buffer.concat(chunks), pick(), false);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setUpstreams: (p) => { ports = [...p]; down.clear(); },
    get failed() { return state.failed; },
    close: () => new Promise<void>((resolve) => {
      clearInterval(health);
      agent.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
