#!/usr/bin/env node
// A small static file server for the built site: used by scripts/play and the browser tests.
// Any static host works for Gradlab; this one only needs Node.js, sets the .wasm MIME type, and
// behaves as a static host would: validators (ETag, Last-Modified) so a browser revalidates
// instead of downloading again, and gzip for the files that compress (not the CIFAR-10 chunks).
//   node scripts/serve.mjs --root build/wasm/site [--host 127.0.0.1] [--port 8080] [--isolate yes|no]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.data': 'application/octet-stream',
  '.bin': 'application/octet-stream', '.txt': 'text/plain; charset=utf-8',
};

// Text, scripts and the engine compress well; the CIFAR-10 chunks (pixels) hardly do.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.data', '.svg', '.txt']);

// Each file is compressed once per version (its ETag), not on every request.
const gzipCache = new Map();
function gzipped(file, etag, data) {
  const kept = gzipCache.get(file);
  if (kept && kept.etag === etag) return kept.bytes;
  const bytes = zlib.gzipSync(data, { level: 6 });
  gzipCache.set(file, { etag, bytes });
  return bytes;
}

// isolate: send the two headers that make the page cross-origin isolated, so the browser lets
// it run the threaded build (README, "Hosting"). The browser tests choose; scripts/play sends them.
const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export function startServer({ root, host = '127.0.0.1', port = 8080, isolate = false }) {
  const top = path.resolve(root);
  const server = http.createServer((req, res) => {
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    let file = path.join(top, rel);
    if (file !== top && !file.startsWith(top + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    fs.stat(file, (err, st) => {
      if (!err && st.isDirectory()) {
        if (!rel.endsWith('/')) {  // so that relative URLs in index.html resolve inside it
          res.writeHead(301, { Location: rel + '/' }).end();
          return;
        }
        file = path.join(file, 'index.html');
      }
      fs.readFile(file, (err2, data) => fs.stat(file, (err3, stat) => {
        if (err2 || err3) {  // gone (or never there), also between reading and this stat
          res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found: ' + rel);
          return;
        }
        const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
        const headers = {
          'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
          'Cache-Control': 'no-cache',  // always revalidate: a rebuilt site is seen at once
          ETag: etag,
          'Last-Modified': stat.mtime.toUTCString(),
          Vary: 'Accept-Encoding',
          ...(isolate ? ISOLATION : {}),
        };
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, headers).end();
          return;
        }
        if (COMPRESSIBLE.has(path.extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
          res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip' });
          res.end(gzipped(file, etag, data));
          return;
        }
        res.writeHead(200, headers);
        res.end(data);
      }));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

// Command-line use.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const opt = { root: '.', host: '127.0.0.1', port: 8080, isolate: 'yes' };
  for (let i = 0; i < args.length; i++) {
    const key = args[i].replace(/^--/, '');
    if (!(key in opt) || i + 1 >= args.length) {
      console.error(`serve.mjs: unknown or incomplete option '${args[i]}'`);
      console.error('usage: serve.mjs --root DIR [--host HOST] [--port PORT] [--isolate yes|no]');
      process.exit(2);
    }
    opt[key] = key === 'port' ? Number(args[++i]) : args[++i];
  }
  if (opt.isolate !== 'yes' && opt.isolate !== 'no') {
    console.error(`serve.mjs: --isolate is yes or no, not '${opt.isolate}'`);
    process.exit(2);
  }
  startServer({ ...opt, isolate: opt.isolate === 'yes' }).then((s) => {
    const { port } = s.address();
    const shownHost = opt.host.includes(':') ? `[${opt.host}]` : opt.host;
    console.log(`Gradlab is being served at http://${shownHost}:${port}/  (Ctrl-C stops)`);
  }, (e) => {
    console.error(`serve.mjs: cannot listen on ${opt.host}:${opt.port}: ${e.message}`);
    process.exit(1);
  });
}
