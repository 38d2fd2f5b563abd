/**
 * `snapcrawl serve` (the snapshot site over HTTP) and `snapcrawl render --out DIR` (static export).
 * Both read the site settings (title, locale, takedown contact) and the default store from the
 * config named by --config or $SNAPCRAWL_CONFIG, never from a file nobody named (config/sources.yaml
 * is an example whose contact is a placeholder); without one they say which defaults they use.
 */
import { loadConfig } from '../../config/index.js';
import { renderStaticSite, startSiteServer } from '../../site/index.js';
import { ConfigError } from '../../util/errors.js';
import { EXIT } from '../exitCodes.js';
import { reportProblem } from '../output.js';
import { EnvironmentError, requireWritableStore } from '../storeDir.js';
import { explicitConfigFile, storeDirOf } from '../resolve.js';
import { redactUrl } from './shared-store.js';

export interface SiteCommandOptions {
  config?: string;
  store?: string;
  /** IANA zone for snapshot times (default: Asia/Shanghai for zh-CN sites, UTC for en). */
  timeZone?: string;
  /** Public address of the site (`https://archive.example.org/`): permalinks in citations become absolute. */
  baseUrl?: string;
}

export interface ServeCommandOptions extends SiteCommandOptions {
  port?: number;
  host?: string;
  /** Stops the server (tests); SIGINT and SIGTERM always do. */
  signal?: AbortSignal;
  /** Where the listening URL is printed (default stdout). */
  out?: NodeJS.WritableStream;
}

export interface RenderCommandOptions extends SiteCommandOptions {
  out: string;
}

/** A contact on a documentation domain (example.com, .org, .net, RFC 2606) is a placeholder nobody reads. */
export function isPlaceholderContact(contact: string): boolean {
  return /(^|[@./])example\.(com|org|net)($|[/:?#>\s])/i.test(contact.trim());
}

function siteOptions(o: SiteCommandOptions) {
  if (o.timeZone !== undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: o.timeZone });
    } catch {
      throw new ConfigError(`--time-zone: "${o.timeZone}" is not an IANA time zone (e.g. Asia/Shanghai)`, '--time-zone');
    }
  }
  if (o.baseUrl !== undefined && !/^https?:\/\/[^/\s]+/i.test(o.baseUrl)) {
    throw new ConfigError(`--base-url: "${o.baseUrl}" is not an absolute http(s) URL`, '--base-url');
  }
  const file = explicitConfigFile(o);
  const config = file ? loadConfig(file) : null;
  const storeDir = storeDirOf(o, config);
  const notices: string[] = [];
  let site = config?.site;
  if (!config) {
    notices.push(`no config (--config or $SNAPCRAWL_CONFIG): using store ${storeDir}, title "snapcrawl snapshots", locale en, no takedown contact`);
  } else if (site?.takedownContact && isPlaceholderContact(site.takedownContact)) {
    notices.push(`takedown contact ${site.takedownContact} in ${file} looks like a placeholder: not shown (set site.takedownContact)`);
    site = { ...site, takedownContact: undefined };
  }
  const baseUrl = o.baseUrl === undefined ? undefined : o.baseUrl.endsWith('/') ? o.baseUrl : `${o.baseUrl}/`;
  // `index: postgres://…` in the config: the site reads the shared index, and the files under the store path.
  return { options: { storeDir, site, timeZone: o.timeZone, baseUrl, ...(config?.index ? { index: config.index } : {}) }, notices };
}

function untilStopped(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
  });
}

export async function serveCommand(o: ServeCommandOptions): Promise<number> {
  const { options, notices } = siteOptions(o);
  const host = o.host ?? '127.0.0.1';
  const port = o.port ?? 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new EnvironmentError(`invalid port ${port}: expected a whole number from 0 to 65535`, String(port), 'ERR_SOCKET_BAD_PORT');
  }
  let server;
  try {
    server = await startSiteServer({
      ...options,
      host,
      port,
      onError: (err) =>
        reportProblem(`request failed: ${(err as Error)?.stack ?? String(err)}`, { prefix: 'snapcrawl serve', fields: { err: String(err) } }),
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException)?.code;
    const where = `${host}:${port}`;
    if (code === 'EADDRINUSE') throw new EnvironmentError(`cannot listen on ${where}: port in use by another process (pass another --port)`, where, code, { cause: err });
    if (code === 'EADDRNOTAVAIL') throw new EnvironmentError(`cannot listen on ${where}: ${host} is not an address of this machine (pass --host)`, where, code, { cause: err });
    if (code === 'EACCES' || code === 'EPERM') throw new EnvironmentError(`cannot listen on ${where}: not allowed (ports below 1024 need privileges)`, where, code, { cause: err });
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') throw new EnvironmentError(`cannot listen on ${where}: cannot resolve ${host}`, where, code, { cause: err });
    throw err;
  }
  for (const n of notices) (o.out ?? process.stdout).write(`${n}\n`);
  const of = options.index ? `the shared index ${redactUrl(options.index)} (files under ${options.storeDir})` : options.storeDir;
  (o.out ?? process.stdout).write(`snapshot site of ${of} listening on ${server.url}\n`);
  await untilStopped(o.signal);
  await server.close();
  return EXIT.OK;
}

export async function renderCommand(o: RenderCommandOptions): Promise<number> {
  const { options, notices } = siteOptions(o);
  if (options.index) {
    reportProblem('render reads a local store only; a shared index (index: in the config) is served with `snapcrawl serve`', { prefix: 'snapcrawl render', fields: { exitCode: EXIT.USAGE } });
    return EXIT.USAGE;
  }
  for (const n of notices) process.stdout.write(`${n}\n`);
  requireWritableStore(options.storeDir); // the export is remembered in <store>/exports.json
  const report = await renderStaticSite({ ...options, outDir: o.out });
  process.stdout.write(`static site written to ${report.outDir}: ${report.snapshots} snapshots, ${report.files} files\n`);
  return EXIT.OK;
}
