/**
 * `npx sodiem login --oauth-client client.json`: the installed-app flow once, by hand. A one-shot
 * server on 127.0.0.1 receives Google's redirect (the loopback flow Google documents for desktop
 * apps), the code is exchanged for a refresh token, and the token is stored where authSource
 * looks (only its owner may read it: chmod 600). Not run by tests: it needs a person and Google.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadGoogle } from './google';
import { READ_SCOPE, oauthClientOf } from './auth';

export async function login(clientFile: string, tokenFile: string, say: (line: string) => void): Promise<void> {
  const google = await loadGoogle();
  const { clientId, clientSecret } = oauthClientOf(clientFile);
  let resolveCode: (code: string) => void = () => undefined;
  let rejectCode: (e: Error) => void = () => undefined;
  const code = new Promise<string>((resolve, reject) => {
    resolveCode = resolve;
    rejectCode = reject;
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const got = url.searchParams.get('code');
    const error = url.searchParams.get('error');
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(got ? 'Đã đăng nhập. Có thể đóng trang này. (Signed in; you may close this page.)' : `Không đăng nhập được: ${error ?? '?'}`);
    if (got) resolveCode(got);
    else rejectCode(new Error(`Google từ chối đăng nhập: ${error ?? '?'} (Google refused the sign-in.)`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const client = new google.auth.OAuth2(clientId, clientSecret, redirectUri);
    say('Mở địa chỉ sau trong trình duyệt và đăng nhập bằng tài khoản của phòng/sở (Open this address and sign in with the office account):');
    say(client.generateAuthUrl({ access_type: 'offline', prompt: 'consent', scope: [READ_SCOPE] }));
    const { tokens } = await client.getToken(await code);
    if (!tokens.refresh_token) throw new Error('Google không trả mã làm mới. (Google returned no refresh token.)');
    mkdirSync(dirname(tokenFile), { recursive: true });
    writeFileSync(tokenFile, `${JSON.stringify({ refresh_token: tokens.refresh_token, scope: tokens.scope })}\n`, { mode: 0o600 });
    say(`Đã lưu mã làm mới vào ${tokenFile}. (Refresh token stored in ${tokenFile}.)`);
  } finally {
    server.close();
  }
}
