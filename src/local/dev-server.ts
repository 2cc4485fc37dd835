/**
 * The sidebar dev server: serves each built sidebar (dist/<name>.html) with a local
 * google.script.run that posts to /rpc, where the call runs in the local runtime as the user
 * named in the page's ?as= parameter — exactly the path a sidebar call takes on Google.
 * Its index page (/) holds the switch: a panel and a person of the school (with their roles,
 * from the workbook's 'Người dùng' and 'Lớp' sheets) chosen above the panel, shown 300 px wide
 * in a frame as that person, and a tab and cell that person selects (POST /select: the runtime's
 * select action, as a click in the sheet — what "Điểm của tôi" reads). The switch lives only
 * here: the panels' HTML is served as built.
 * Listens on 127.0.0.1 only.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { LocalRuntime } from './runtime';
import type { WorkbookData } from './sheets/model';

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

/** A person the switch offers: name and roles as the school's sheets give them. */
export interface SchoolPerson {
  email: string;
  label: string;
}

/** A sheet's values by header, read from the stored workbook (no service call, nothing logged). */
function sheetRows(book: WorkbookData | undefined, name: string): Record<string, string>[] {
  const sheet = book?.sheets.find((s) => s.name === name);
  if (!sheet) return [];
  const text = (row: (typeof sheet.rows)[number] | undefined, c: number) => String(row?.[c]?.v ?? '').trim();
  const header = Array.from({ length: sheet.rows[0]?.length ?? 0 }, (_, c) => text(sheet.rows[0], c));
  return sheet.rows.slice(1).map((row) => Object.fromEntries(header.map((h, c) => [h, text(row, c)])));
}

/**
 * Everyone who can open the file: the school's people in the order of 'Người dùng' with their
 * roles and the classes they are homeroom teacher of, then anyone else the runtime knows.
 */
export function schoolPeople(runtime: LocalRuntime, book: WorkbookData | undefined): SchoolPerson[] {
  const homeroom = new Map<string, string[]>();
  for (const row of sheetRows(book, 'Lớp')) {
    const email = (row['GVCN'] ?? '').toLowerCase();
    if (email && row['Lớp']) homeroom.set(email, [...(homeroom.get(email) ?? []), row['Lớp']]);
  }
  const people: SchoolPerson[] = [];
  for (const row of sheetRows(book, 'Người dùng')) {
    const email = (row['Email'] ?? '').toLowerCase();
    if (!email || people.some((p) => p.email === email)) continue;
    const roles = [row['Vai trò'], ...(homeroom.get(email) ?? []).map((c) => `GVCN ${c}`)].filter(Boolean).join(', ');
    people.push({ email, label: `${row['Họ và tên'] || email}${roles ? ` — ${roles}` : ''}` });
  }
  for (const u of runtime.directory.all()) {
    if (people.some((p) => p.email === u.email)) continue;
    people.push({ email: u.email, label: u.email === book?.owner ? `${u.email} — chủ sở hữu tệp` : u.email });
  }
  return people;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The switch: a panel and a person above the panel, which runs in a 300 px frame as that person;
 * and a tab and a cell that person selects, as a click in the sheet would (for "Điểm của tôi").
 */
function indexPage(panels: string[], people: SchoolPerson[], tabs: string[], wantedPanel: string | null, wantedPerson: string | null): string {
  const panel = panels.includes(wantedPanel ?? '') ? wantedPanel! : panels.includes('status') ? 'status' : (panels[0] ?? '');
  const person = people.find((p) => p.email === (wantedPerson ?? '').toLowerCase())?.email ?? people[0]?.email ?? '';
  const option = (value: string, label: string, selected: boolean) => `<option value="${escapeHtml(value)}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  const src = `/sidebar/${encodeURIComponent(panel)}?as=${encodeURIComponent(person)}`;
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Sổ Điểm — máy chủ thử</title>
<style>
body { margin: 0; font: 13px/1.45 Roboto, Arial, sans-serif; color: #202124; background: #f8f9fa; }
form { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: flex-end; padding: 8px 16px; background: #fff; border-bottom: 1px solid #dadce0; }
label { display: flex; flex-direction: column; gap: 4px; color: #5f6368; }
select, button, input { font: inherit; min-height: 32px; border: 1px solid #dadce0; border-radius: 4px; background: #fff; color: #202124; }
button { color: #1a73e8; font-weight: 500; padding: 0 16px; cursor: pointer; }
select:focus-visible, button:focus-visible, a:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
p { margin: 0; color: #5f6368; font-size: 12px; }
iframe { display: block; margin: 16px; width: 300px; height: calc(100vh - 120px); min-height: 480px; border: 1px solid #dadce0; background: #fff; }
</style>
</head>
<body>
<form id="switch" method="get" action="/" aria-label="Máy chủ thử: chọn bảng và người dùng">
  <label>Bảng<select id="panel" name="panel">${panels.map((n) => option(n, n, n === panel)).join('')}</select></label>
  <label>Người dùng<select id="as" name="as">${people.map((p) => option(p.email, p.label, p.email === person)).join('')}</select></label>
  <button type="submit">Mở</button>
  <p>Bảng chạy như người được chọn — <a href="${escapeHtml(src)}">mở riêng</a>. Chỉ có ở máy chủ thử.</p>
</form>
<form id="select-cell" aria-label="Chọn ô trong bảng tính như người dùng bấm vào ô">
  <label>Trang<select id="tab">${tabs.map((t) => option(t, t, false)).join('')}</select></label>
  <label>Ô hoặc vùng<input id="a1" value="A1" size="10" autocomplete="off"></label>
  <button type="submit">Chọn ô</button>
  <p id="selected" role="status" aria-live="polite">Người được chọn bấm vào ô này trong bảng tính (thay cho lưới ô của Google Trang tính).</p>
</form>
<iframe id="sidebar" title="${escapeHtml(`${panel} — ${person}`)}" src="${escapeHtml(src)}"></iframe>
<script>
for (const id of ['panel', 'as']) document.getElementById(id).addEventListener('change', () => document.getElementById('switch').submit());
document.getElementById('select-cell').addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = { as: document.getElementById('as').value, sheet: document.getElementById('tab').value, a1: document.getElementById('a1').value.trim() };
  const res = await (await fetch('/select', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
  document.getElementById('selected').textContent = res.ok ? 'Đã chọn ' + body.a1 + ' trong trang "' + body.sheet + '" cho ' + body.as + '.' : res.message;
});
</script>
</body>
</html>`;
}

/** A sidebar of dist/, not one of the server's cold chunks (dist/chunk-<name>.html, scripts/server-chunks.cjs). */
const isPanelFile = (file: string) => file.endsWith('.html') && !file.startsWith('chunk-');

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
      const panels = readdirSync(runtime.htmlDir).filter(isPanelFile).map((f) => f.slice(0, -5)).sort();
      const book = runtime.spreadsheets.get(workbookId);
      const tabs = (book?.sheets ?? []).filter((s) => !s.hidden).map((s) => s.name);
      return send(200, 'text/html', indexPage(panels, schoolPeople(runtime, book), tabs, url.searchParams.get('panel'), url.searchParams.get('as')));
    }
    if (req.method === 'GET' && sidebar) {
      let html: string;
      try {
        if (!isPanelFile(`${sidebar[1]}.html`)) throw new Error('not a panel');
        html = readFileSync(join(runtime.htmlDir, `${sidebar[1]}.html`), 'utf8');
      } catch {
        return send(404, 'text/plain', 'Không có thanh bên này.');
      }
      // The shim goes first in <head>, before any script of the page runs.
      return send(200, 'text/html', html.replace(/<head>/i, (m) => `${m}\n${SHIM}`));
    }
    if (url.pathname === '/favicon.ico') return send(204, 'text/plain', '');
    // A sidebar's google.script.run call, or the person's click on a cell (the switch's "Chọn ô"), run as `as`.
    const action = req.method === 'POST' ? ({ '/rpc': 'rpc', '/select': 'select' } as const)[url.pathname as '/rpc' | '/select'] : undefined;
    if (action) {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        try {
          const call = JSON.parse(body) as { as: string; name: string; args: unknown[]; sheet: string; a1: string };
          if (!runtime.directory.get(call.as)) throw new Error(`Không có người dùng ${call.as} trong trường thử.`);
          const person = runtime.as(call.as);
          if (action === 'select') return send(200, 'application/json', JSON.stringify(person.select(workbookId, call.sheet, call.a1)));
          const value = person.callServer(workbookId, call.name, call.args);
          send(200, 'application/json', JSON.stringify({ ok: true, value }));
        } catch (err) {
          // The add-on runs in its own realm (node:vm): its errors are not instances of this realm's Error.
          const message = err && typeof err === 'object' && 'message' in err ? String((err as Error).message) : String(err);
          send(200, 'application/json', JSON.stringify({ ok: false, message }));
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
