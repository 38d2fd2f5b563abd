/** Test helpers for WACZ exports: a small loopback news site and a ZIP reader (yauzl). */
import yauzl from 'yauzl';
import { startTestServer, type TestServer } from '../fixtures/http-server.js';


export interface ZipEntry {
  name: string;
  /** 0 = STORED, 8 = DEFLATE. */
  compressionMethod: number;
  data: Buffer;
}

/** Every entry of a ZIP file, decompressed, by name. */
export function readZip(path: string): Promise<Map<string, ZipEntry>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const out = new Map<string, ZipEntry>();
      zip.on('error', reject);
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            out.set(entry.fileName, { name: entry.fileName, compressionMethod: entry.compressionMethod, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

function article(title: string, date: string, extra = ''): string {
  const para = (n: number) =>
    `<p>${title} paragraph ${n}: the council met on Tuesday to discuss the budget, and members argued for hours about the details of the plan before a vote was taken late in the evening.</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Loopback News</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="${date}">
</head><body><article><h1>${title}</h1><time datetime="${date}">${date}</time>${extra}
${[1, 2, 3, 4, 5].map(para).join('\n')}</article></body></html>`;
}

/** Three articles (one reached through a 301, one with an image), a home page and a robots.txt. */
export async function startLoopbackNews(): Promise<TestServer> {
  return startTestServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const html = (body: string) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    };
    switch (path) {
      case '/robots.txt':
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end('User-agent: *\nDisallow: /private/\n');
      case '/':
        return html(`<!doctype html><html><head><title>Home</title></head><body><ul>
<li><a href="/news/alpha.html">Alpha</a></li><li><a href="/old/beta">Beta</a></li><li><a href="/news/gamma.html">Gamma</a></li>
<li><a href="/private/secret.html">Secret</a></li></ul></body></html>`);
      case '/news/alpha.html':
        return html(article('Alpha council vote', '2024-05-01T08:00:00Z'));
      case '/old/beta':
        res.writeHead(301, { location: '/news/beta.html' });
        return res.end();
      case '/news/beta.html':
        return html(article('Beta budget plan', '2024-05-02T08:00:00Z'));
      case '/news/gamma.html':
        return html(article('Gamma harbour works', '2024-05-03T08:00:00Z', '<figure><img src="/img/g.png" alt="harbour"></figure>'));
      case '/img/g.png':
        res.writeHead(200, { 'content-type': 'image/png' });
        return res.end(PNG);
      default:
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('not found');
    }
  });
}

export const LOOPBACK_ARTICLE_PATTERN = '/news/[a-z]+\\.html$';
