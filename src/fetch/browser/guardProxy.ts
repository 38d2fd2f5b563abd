import net, { type AddressInfo, type Socket } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { HostVetter } from './addressPolicy.js';

/** SOCKS5 reply codes (RFC 1928 §6). */
const REPLY = { ok: 0, failure: 1, notAllowed: 2, hostUnreachable: 4, refused: 5, commandNotSupported: 7, addressNotSupported: 8 };
const CONNECT_TIMEOUT_MS = 10_000;

export interface GuardProxyEvents {
  /** A connection refused by the address policy; `target` is `host:port`. */
  onBlocked(target: string, reason: string): void;
}

/**
 * A SOCKS5 proxy on 127.0.0.1 that every connection of one render goes through. Route interception
 * never sees redirect hops (Playwright continues them itself), speculative prefetches or preconnects;
 * connections for all of those still pass here. Chromium hands SOCKS5 the hostname and port, we vet
 * both with the render's HostVetter (a private address only for an endpoint the policy opens) and connect to the vetted address ourselves, so there is no DNS-rebinding
 * gap between the check and the connection. Bytes are tunnelled untouched (TLS stays end to end).
 */
export class GuardProxy {
  private readonly sockets = new Set<Socket>();
  private closing = false;
  /** `host:port` → the address we connected to, for WARC-IP-Address. */
  private readonly remoteAddresses = new Map<string, string>();

  private constructor(
    private readonly server: net.Server,
    private readonly vetter: HostVetter,
    private readonly events: GuardProxyEvents,
  ) {}

  static async start(vetter: HostVetter, events: GuardProxyEvents): Promise<GuardProxy> {
    const server = net.createServer();
    const proxy = new GuardProxy(server, vetter, events);
    server.on('connection', (socket) => proxy.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  /** For Playwright's `proxy.server`. */
  get url(): string {
    return `socks5://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  remoteAddressOf(url: string): string | undefined {
    const u = new URL(url);
    const port = u.port || (u.protocol === 'https:' || u.protocol === 'wss:' ? '443' : '80');
    return this.remoteAddresses.get(`${hostKey(u.hostname)}:${port}`);
  }

  /** Drops every tunnel; a connection arriving while closing is refused, so close() cannot wait on one. */
  async close(): Promise<void> {
    this.closing = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  }

  private accept(client: Socket): void {
    if (this.closing) return void client.destroy();
    this.track(client);
    let buffered = Buffer.alloc(0);
    let stage: 'greeting' | 'request' = 'greeting';
    const onData = (chunk: Buffer): void => {
      buffered = Buffer.concat([buffered, chunk]);
      if (stage === 'greeting') {
        if (buffered.length < 2 || buffered.length < 2 + buffered[1]) return;
        const methods = buffered.subarray(2, 2 + buffered[1]);
        buffered = buffered.subarray(2 + buffered[1]);
        if (!methods.includes(0)) return void client.end(Buffer.from([5, 0xff]));
        client.write(Buffer.from([5, 0]));
        stage = 'request';
      }
      const request = parseConnectRequest(buffered);
      if (request === 'incomplete') return;
      client.off('data', onData);
      if (typeof request === 'number') return void reply(client, request);
      void this.connect(client, request.host, request.port, buffered.subarray(request.length));
    };
    client.on('data', onData);
  }

  private async connect(client: Socket, host: string, port: number, early: Buffer): Promise<void> {
    const target = `${host.includes(':') ? `[${host}]` : host}:${port}`;
    const verdict = await this.vetter.vet(host, port);
    if (!verdict.allowed) {
      if (verdict.blocked) this.events.onBlocked(target, verdict.reason);
      return reply(client, verdict.blocked ? REPLY.notAllowed : REPLY.hostUnreachable);
    }
    const upstream = await this.dial(verdict.addresses, port);
    if (typeof upstream === 'number') return reply(client, upstream);
    if (client.destroyed) return void upstream.destroy();
    this.remoteAddresses.set(`${hostKey(host)}:${port}`, upstream.remoteAddress ?? '');
    client.write(Buffer.from([5, REPLY.ok, 0, 1, 0, 0, 0, 0, 0, 0]));
    if (early.length > 0) upstream.write(early);
    upstream.pipe(client);
    client.pipe(upstream);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  /** Connects to the vetted addresses in order (localhost may be ::1 first); a SOCKS reply code if none answers. */
  private async dial(addresses: string[], port: number): Promise<Socket | number> {
    let code = REPLY.hostUnreachable;
    for (const address of addresses) {
      const socket = net.connect({ host: address, port, timeout: CONNECT_TIMEOUT_MS });
      this.track(socket);
      const failure = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
        socket.once('connect', () => resolve(undefined));
        socket.once('error', resolve);
        socket.once('timeout', () => resolve(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' })));
      });
      if (!failure) {
        socket.setTimeout(0);
        return socket;
      }
      socket.destroy();
      code = failure.code === 'ECONNREFUSED' ? REPLY.refused : REPLY.hostUnreachable;
    }
    return code;
  }
}

function reply(client: Socket, code: number): void {
  client.end(Buffer.from([5, code, 0, 1, 0, 0, 0, 0, 0, 0]));
}

function hostKey(hostname: string): string {
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? ipaddr.parse(bare).toString() : bare.toLowerCase();
}

/** VER CMD RSV ATYP DST.ADDR DST.PORT; a number is the SOCKS reply code for a request we refuse. */
function parseConnectRequest(buf: Buffer): { host: string; port: number; length: number } | 'incomplete' | number {
  if (buf.length < 5) return 'incomplete';
  if (buf[0] !== 5) return REPLY.failure;
  if (buf[1] !== 1) return REPLY.commandNotSupported;
  let host: string;
  let offset: number;
  switch (buf[3]) {
    case 1:
      offset = 4 + 4;
      if (buf.length < offset + 2) return 'incomplete';
      host = ipaddr.fromByteArray([...buf.subarray(4, 8)]).toString();
      break;
    case 3:
      offset = 5 + buf[4];
      if (buf.length < offset + 2) return 'incomplete';
      host = buf.subarray(5, offset).toString('latin1');
      break;
    case 4:
      offset = 4 + 16;
      if (buf.length < offset + 2) return 'incomplete';
      host = ipaddr.fromByteArray([...buf.subarray(4, 20)]).toString();
      break;
    default:
      return REPLY.addressNotSupported;
  }
  return { host, port: buf.readUInt16BE(offset), length: offset + 2 };
}
