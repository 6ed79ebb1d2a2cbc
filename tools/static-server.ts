import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};

// Static hosts (Netlify, GitHub Pages, Cloudflare, CDNs) gzip text; without it Lighthouse's simulated slow 4G
// would time an uncompressed page no visitor ever gets.
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|manifest\+json)|image\/svg)/;

/**
 * A plain static file server, like a static host: serves `root` under `basePath`, `dir/` → `dir/index.html`,
 * unknown paths → `404.html` with status 404, text gzipped when the client accepts it. Used to test builds made
 * for a sub-path.
 */
export async function serveStatic(root: string, basePath = '/', port = 0): Promise<{ url: string; close: () => Promise<void> }> {
  // Compressed once per file content: a rebuild while the server runs changes the bytes and so the entry.
  const gzipByFile = new Map<string, { body: Buffer; compressed: Buffer }>();
  const server: Server = createServer(async (request, response) => {
    const send = (status: number, type: string, body: Buffer, file: string) => {
      const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      if (!acceptsGzip || !COMPRESSIBLE.test(type) || body.length < 1024) {
        response.writeHead(status, { 'Content-Type': type, Vary: 'Accept-Encoding' });
        return response.end(body);
      }
      let cached = gzipByFile.get(file);
      if (!cached || !cached.body.equals(body)) gzipByFile.set(file, (cached = { body, compressed: gzipSync(body) }));
      response.writeHead(status, { 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
      response.end(cached.compressed);
    };
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (!pathname.startsWith(basePath)) return notFound();
    let file = normalize(join(root, pathname.slice(basePath.length)));
    if (!file.startsWith(normalize(root))) return notFound();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      send(200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file), file);
    } catch {
      await notFound();
    }
    async function notFound() {
      const body = await readFile(join(root, '404.html')).catch(() => Buffer.from('Not found'));
      send(404, 'text/html; charset=utf-8', body, join(root, '404.html'));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${boundPort}${basePath}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
