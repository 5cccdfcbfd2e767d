/**
 * Firefox has no `--host-resolver-rules`. The smoke's Firefox instead sends all traffic to this proxy
 * (manual proxy prefs), which connects each vendor or fixture hostname to its local server — the same
 * `MAP host 127.0.0.1:port` rules the Chromium e2e passes on its command line. HTTPS arrives as CONNECT and
 * is tunnelled untouched (Firefox does the TLS with the emulator, whose throwaway certificate the session
 * accepts); plain HTTP (site.test) arrives in absolute form and is forwarded. Any other host is refused:
 * the test world has no internet.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface MappingProxy {
  port: number;
  close(): Promise<void>;
}

/** Reads Chromium-style rules (`MAP api.x.ai 127.0.0.1:4431`) into host → port. */
export function portsByHost(rules: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const rule of rules) {
    const match = /^MAP (\S+) 127\.0\.0\.1:(\d+)$/.exec(rule);
    if (!match) throw new Error(`mapping proxy: unsupported rule ${rule}`);
    map.set(match[1]!, Number(match[2]));
  }
  return map;
}

export async function startMappingProxy(rules: string[]): Promise<MappingProxy> {
  const ports = portsByHost(rules);
  const sockets = new Set<Socket>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const target = URL.canParse(req.url ?? '') ? new URL(req.url!) : undefined;
    const port = target ? ports.get(target.hostname) : undefined;
    if (!target || port === undefined) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('not in the test world');
      return;
    }
    const upstream = request({ host: '127.0.0.1', port, method: req.method, path: `${target.pathname}${target.search}`, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });

  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const [host] = (req.url ?? '').split(':');
    const port = host ? ports.get(host) : undefined;
    if (port === undefined) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
