// A small loopback load balancer for the fleet tests and bench: spreads requests round-robin over the
// replicas, as nginx or HAProxy would. Like nginx's `proxy_next_upstream error`, a request that cannot
// even connect (a replica that is down) goes to the next replica; one that fails after it was sent is
// answered 502, since a POST must not be sent twice.
import { once } from 'node:events';
import { Agent, request, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Proxy {
  url: string;
  /** Replace the upstream ports (a replica restarted on another port, say). */
  setUpstreams(ports: number[]): void;
  /** Requests answered 502 because their replica died with them. */
  failed: number;
  close(): Promise<void>;
}

export async function startProxy(upstreams: number[]): Promise<Proxy> {
  let ports = [...upstreams];
  let next = 0;
  const state = { failed: 0 };
  // Keep-alive to the replicas, as nginx's `keepalive` in an upstream block: no TCP handshake per request.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, tries: number) => {
    const port = ports[next++ % ports.length]!;
    let sent = false;
    const upstream = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
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
      if (!sent && tries + 1 < ports.length) return forward(req, res, body, tries + 1);
      state.failed++;
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    upstream.end(body);
  };

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    forward(req, res, Buffer.concat(chunks), 0);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setUpstreams: (p) => { ports = [...p]; },
    get failed() { return state.failed; },
    close: () => new Promise<void>((resolve) => { agent.destroy(); server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
