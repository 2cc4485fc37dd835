/**
 * The sidebar dev server: serves each built sidebar (dist/<name>.html) with a local
 * google.script.run that posts to /rpc, where the call runs in the local runtime as the user
 * named in the page's ?as= parameter — exactly the path a sidebar call takes on Google.
 * Listens on 127.0.0.1 only.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { LocalRuntime } from './runtime';

export interface DevServer {
  url: string;
  close(): Promise<void>;
}

/** Injected before the sidebar's own script: google.script.run and google.script.host over fetch. */
const SHIM = `<script>
(function () {
  var user = new URLSearchParams(location.search).get('as') || '';
  function runner(ok, fail) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === 'withSuccessHandler') return function (f) { return runner(f, fail); };
        if (name === 'withFailureHandler') return function (f) { return runner(ok, f); };
        if (name === 'withUserObject') return function () { return runner(ok, fail); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/rpc', { method: 'POST', headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ as: user, name: String(name), args: args }) })
            .then(function (r) { return r.json(); })
            .then(function (res) {
              if (res.ok) { if (ok) ok(res.value); }
              else if (fail) fail(new Error(res.message));
            });
        };
      }
    });
  }
  window.google = { script: { run: runner(null, null), host: { close: function () { document.body.dataset.closed = 'true'; } } } };
})();
</script>`;

export function startDevServer(opts: { runtime: LocalRuntime; workbookId: string; port?: number }): Promise<DevServer> {
  const { runtime, workbookId } = opts;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': `${type}; charset=utf-8` });
      res.end(body);
    };
    const sidebar = /^\/sidebar\/([a-z0-9-]+)$/.exec(url.pathname);
    if (req.method === 'GET' && url.pathname === '/') {
      const names = readdirSync(runtime.htmlDir).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5));
      const users = runtime.directory.all().map((u) => u.email);
      const links = names.flatMap((n) => users.map((u) => `<li><a href="/sidebar/${n}?as=${encodeURIComponent(u)}">${n} — ${u}</a></li>`));
      return send(200, 'text/html', `<!DOCTYPE html><meta charset="utf-8"><title>Sổ Điểm — dev</title><ul>${links.join('')}</ul>`);
    }
    if (req.method === 'GET' && sidebar) {
      let html: string;
      try {
        html = readFileSync(join(runtime.htmlDir, `${sidebar[1]}.html`), 'utf8');
      } catch {
        return send(404, 'text/plain', 'Không có thanh bên này.');
      }
      // The shim goes first in <head>, before any script of the page runs.
      return send(200, 'text/html', html.replace(/<head>/i, (m) => `${m}\n${SHIM}`));
    }
    if (req.method === 'POST' && url.pathname === '/rpc') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        try {
          const call = JSON.parse(body) as { as: string; name: string; args: unknown[] };
          if (!runtime.directory.get(call.as)) throw new Error(`Không có người dùng ${call.as} trong trường thử.`);
          const value = runtime.as(call.as).callServer(workbookId, call.name, call.args);
          send(200, 'application/json', JSON.stringify({ ok: true, value }));
        } catch (err) {
          send(200, 'application/json', JSON.stringify({ ok: false, message: err instanceof Error ? err.message : String(err) }));
        }
      });
      return;
    }
    send(404, 'text/plain', 'Không tìm thấy.');
  });
  return new Promise((resolve) => {
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
