import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { type AdminControls, handleAdmin } from './admin';
import { recordAuthorization } from './auth-log';
import { FAULT_GROUPS, FaultQueue, type FaultTarget } from './faults';
import {
  BodyTooLargeError,
  type Reply,
  type WireResponse,
  corsHeaders,
  headerRecord,
  jsonWire,
  newRequestId,
  readBody,
  sendWire,
} from './http';
import { MediaStore } from './media';
import { serveMedia } from './media-route';
import type { ApiRequest, Provider, ProviderEnv, Route } from './provider';
import { matchPath } from './router';
import type { ConfigPatch, Emulator, EmulatorConfig, EmulatorOptions, ReceivedRequest } from './types';
import { createRunwareProvider } from './runware';
import { createVydraProvider } from './vydra';
import { createXaiProvider } from './xai';
import { throwawayCertificate, VENDOR_HOSTS } from './tls';
import { REALISTIC_FAULT_RATE, REALISTIC_VIDEO_RENDER_MS, randomFault } from './timing';

export type * from './types';


function initialConfig(options: EmulatorOptions): EmulatorConfig {
  return {
    apiKeys: [...(options.apiKeys ?? ['xai-emulator-key'])],
    vydraApiKeys: [...(options.vydraApiKeys ?? ['vydra-emulator-key'])],
    runwareApiKeys: [...(options.runwareApiKeys ?? ['runware-emulator-key'])],
    mediaTtlMs: options.mediaTtlMs ?? 10 * 60 * 1000,
    videoRenderMs: Math.round((options.videoRenderMs ?? REALISTIC_VIDEO_RENDER_MS) * (options.timeScale ?? 1)),
    imageLatencyMs: options.imageLatencyMs ?? 'realistic',
    faultRate: options.faultRate ?? REALISTIC_FAULT_RATE,
    timeScale: options.timeScale ?? 1,
    rotateReadings: options.rotateReadings ?? true,
    fetchPrivateUrls: options.fetchPrivateUrls ?? false,
    cors: options.cors ?? false,
    maxBodyBytes: options.maxBodyBytes ?? 64 * 1024 * 1024, // three 10 MiB images as base64 fit comfortably
  };
}

function parseJsonOrUndefined(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** `malformed_json`: the answer arrives complete at the HTTP level but its JSON is cut in half. */
function truncateJson(wire: WireResponse): WireResponse {
  const text = wire.body.length > 2 ? wire.body.subarray(0, Math.floor(wire.body.length / 2)) : Buffer.from('{"status":');
  return { status: 200, headers: { ...wire.headers, 'content-type': 'application/json' }, body: text };
}

export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const startConfig = initialConfig(options);
  const copyConfig = (from: EmulatorConfig): EmulatorConfig => ({
    ...from,
    apiKeys: [...from.apiKeys],
    vydraApiKeys: [...from.vydraApiKeys],
    runwareApiKeys: [...from.runwareApiKeys],
  });
  let config: EmulatorConfig = copyConfig(startConfig);
  let origin = '';
  const faults = new FaultQueue();
  const media = new MediaStore(() => origin, () => options.mediaHosts ?? 'local');
  const env: ProviderEnv = { config: () => config, origin: () => origin, media, faults };
  // Provider modes: more (e.g. resellers) can be appended; the first one answers unknown paths.
  const providers: Provider[] = [createXaiProvider(env), createVydraProvider(env), createRunwareProvider(env)];
  const requests: ReceivedRequest[] = [];
  const mediaRequests: ReceivedRequest[] = [];
  let nextRequestNumber = 1;

  function findRoute(method: string, path: string): { provider: Provider; route: Route; params: Record<string, string> } | undefined {
    for (const provider of providers) {
      for (const route of provider.routes) {
        if (route.method !== method) continue;
        const params = matchPath(route.path, path);
        if (params) return { provider, route, params };
      }
    }
    return undefined;
  }

  function render(reply: Exclude<Reply, { type: 'drop' }>, provider: Provider, apiRequest: ApiRequest): WireResponse {
    switch (reply.type) {
      case 'error': {
        const shape = apiRequest.takeFault(FAULT_GROUPS.errorShape)?.shape ?? 'native';
        return provider.renderError(reply, shape);
      }
      case 'json':
        return jsonWire(reply.status, reply.body, reply.headers);
      case 'raw':
        return { status: reply.status, headers: { 'content-type': reply.contentType, ...reply.headers }, body: Buffer.from(reply.body) };
      case 'empty':
        return { status: reply.status, headers: { ...reply.headers }, body: Buffer.alloc(0) };
    }
  }

  /** The API pipeline: route → slow → auth → gate faults → handler → decoration. */
  async function handleApi(request: IncomingMessage, response: ServerResponse, received: ReceivedRequest, raw: Buffer, baseHeaders: Record<string, string>): Promise<void> {
    const target: FaultTarget = { method: received.method, path: received.path, space: 'api' };
    const match = findRoute(received.method, received.path);
    const provider =
      match?.provider ?? providers.find((p) => p.pathPrefix !== undefined && received.path.startsWith(p.pathPrefix)) ?? (providers[0] as Provider);
    const apiRequest: ApiRequest = {
      received,
      rawBody: raw,
      params: match?.params ?? {},
      target,
      takeFault: (kinds, applies) => faults.take(target, kinds, applies),
    };
    let truncate = false;
    let dropAfter = false;
    let reply: Reply;
    if (!match) {
      reply = provider.notFoundReply(apiRequest);
    } else {
      // "Failures are routine": a submission may draw a fault of its own (config.faultRate); if this request
      // does not take it, it is dropped rather than left for a later one.
      const drawn = randomFault(received.method, received.path, config.faultRate);
      if (drawn) faults.add([drawn], true);
      const slow = apiRequest.takeFault(FAULT_GROUPS.transport);
      if (slow) await delay(slow.ms);
      const rejection = provider.authenticate(apiRequest);
      const gate = rejection ? undefined : apiRequest.takeFault(FAULT_GROUPS.gate);
      if (!gate) {
        reply = rejection ?? (await match.route.handle(apiRequest));
      } else {
        switch (gate.kind) {
          case 'network_drop':
            dropAfter = true; // with after:true the request is processed first (a job may exist)
            reply = gate.after ? await match.route.handle(apiRequest) : { type: 'drop' };
            break;
          case 'malformed_json':
            truncate = true;
            reply = await match.route.handle(apiRequest);
            break;
          default:
            reply = provider.gateFaultReply(gate, apiRequest);
        }
      }
    }
    faults.discardRandom();
    if (reply.type === 'drop' || dropAfter) {
      request.socket.destroy();
      return;
    }
    let wire = render(reply, provider, apiRequest);
    if (truncate) wire = truncateJson(wire);
    sendWire(response, { ...wire, headers: { ...baseHeaders, ...wire.headers } }, received.method === 'HEAD');
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://emulator.invalid');
    const isAdmin = url.pathname === '/__emulator' || url.pathname.startsWith('/__emulator/');
    // Nothing documents CORS on the API or the media hosts, so by default neither sends it (the least
    // convenient reading): the extension must read them with host permission. Tests may ask for it.
    const baseHeaders = { ...(isAdmin || config.cors ? corsHeaders(request) : {}), 'x-request-id': newRequestId() };
    const method = (request.method ?? 'GET').toUpperCase();
    let raw: Buffer;
    try {
      raw = await readBody(request, config.maxBodyBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      const body = { code: 'Client specified an invalid argument', error: `Request body is larger than ${config.maxBodyBytes} bytes.` };
      sendWire(response, jsonWire(413, body, baseHeaders));
      return;
    }
    if (method === 'OPTIONS') {
      sendWire(response, { status: 204, headers: baseHeaders, body: Buffer.alloc(0) });
      return;
    }
    if (isAdmin) {
      const wire = handleAdmin(method, url.pathname, url.searchParams, raw, controls);
      sendWire(response, { ...wire, headers: { ...baseHeaders, ...wire.headers } });
      return;
    }
    const received: ReceivedRequest = {
      id: nextRequestNumber++,
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: headerRecord(request),
      body: parseJsonOrUndefined(raw),
      rawBodyBytes: raw.length,
      at: Date.now(),
    };
    if (url.pathname.startsWith('/media/')) {
      mediaRequests.push(received);
      const outcome = serveMedia(request, url.pathname, media, faults);
      if (outcome.drop) {
        request.socket.destroy();
        return;
      }
      if (outcome.delayMs > 0) await delay(outcome.delayMs);
      sendWire(response, { ...outcome.wire, headers: { ...baseHeaders, ...outcome.wire.headers } }, method === 'HEAD');
      return;
    }
    requests.push(received);
    await handleApi(request, response, received, raw, baseHeaders);
  }

  const controls: AdminControls = {
    requests,
    mediaRequests,
    inject: (...list) => faults.add(list),
    configure: (patch: ConfigPatch) => {
      config = copyConfig({ ...config, ...patch });
    },
    expireAllMedia: () => {
      media.expireAll();
      for (const provider of providers) provider.expireResults();
    },
    finishAllVideos: () => {
      for (const provider of providers) provider.finishAllJobs();
    },
    videoJobs: () => providers.flatMap((provider) => provider.videoJobs()),
    reset: () => {
      requests.length = 0;
      mediaRequests.length = 0;
      faults.clear();
      media.expireAll();
      for (const provider of providers) provider.reset();
      config = copyConfig(startConfig);
    },
    pendingFaults: () => faults.pending(),
    clearFaults: () => faults.clear(),
    config: () => copyConfig(config),
  };

  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    recordAuthorization(request); // the key-check suite's log (auth-log.ts)
    handle(request, response).catch((error: unknown) => {
      // An emulator bug must be loud in tests, but still answer so the client doesn't hang.
      console.error('[emulator] internal error:', error);
      const headers = { 'x-request-id': newRequestId() };
      if (!response.headersSent) sendWire(response, jsonWire(500, { code: 'Internal error', error: `emulator bug: ${String(error)}` }, headers));
      else response.destroy();
    });
  };
  const server = createServer(onRequest);
  // The same emulator over TLS, for the vendors' real hostnames (api.x.ai, imgen.x.ai, …) mapped to it.
  const tlsServer = options.https ? createHttpsServer(throwawayCertificate(), onRequest) : undefined;
  const servers: Server[] = tlsServer ? [server, tlsServer] : [server];
  const ports: number[] = [];
  for (const [index, listener] of servers.entries()) {
    // Long-lived keep-alive, as the vendors' front ends have: with Node's 5 s default a loaded machine lets the
    // server drop an idle socket just as the client reuses it ("other side closed"). close() ends every
    // connection itself (closeAllConnections below), so nothing waits for this timeout.
    listener.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      listener.once('error', reject);
      listener.listen(index === 0 ? (options.port ?? 0) : (options.httpsPort ?? 0), options.host ?? '127.0.0.1', () => {
        listener.off('error', reject);
        resolve();
      });
    });
    ports.push((listener.address() as AddressInfo).port);
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${host}:${address.port}`;
  const httpsPort = tlsServer ? ports[1] : undefined;

  return {
    url: origin,
    apiBaseUrl: `${origin}/v1`,
    vydraBaseUrl: `${origin}/vydra/api/v1`,
    runwareBaseUrl: `${origin}/runware/v1`,
    requests,
    mediaRequests,
    inject: controls.inject,
    configure: controls.configure,
    expireAllMedia: controls.expireAllMedia,
    finishAllVideos: controls.finishAllVideos,
    videoJobs: controls.videoJobs,
    reset: controls.reset,
    ...(httpsPort !== undefined ? { httpsPort } : {}),
    hostResolverRules: () =>
      httpsPort === undefined ? [] : Object.values(VENDOR_HOSTS).map((name) => `MAP ${name} ${address.address}:${httpsPort}`),
    close: async () => {
      await Promise.all(
        servers.map(
          (listener) =>
            new Promise<void>((resolve, reject) => {
              listener.close((error) => (error ? reject(error) : resolve()));
              listener.closeAllConnections();
            }),
        ),
      );
    },
  };
}
