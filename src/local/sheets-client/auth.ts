/**
 * Whose account the office's commands read as. Nothing is kept in the repository: a service
 * account's key file (GOOGLE_APPLICATION_CREDENTIALS or --key-file), or an OAuth client of type
 * "Desktop app" (--oauth-client or SODIEM_OAUTH_CLIENT) with the refresh token `npx sodiem login`
 * stored in the user's own config folder. docs/deploy.md says how to get either. A local Sheets
 * server (tests, the bench) is reached with --api-root on 127.0.0.1 and a throwaway token.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadGoogle } from './google';

export const READ_SCOPE = 'https://www.googleapis.com/auth/spreadsheets.readonly';

export const AUTH_TEXT = {
  none:
    'Chưa cấu hình tài khoản Google để đọc bảng tính: đặt GOOGLE_APPLICATION_CREDENTIALS là tệp khoá của tài khoản dịch vụ, hoặc dùng --oauth-client với mã làm mới đã lưu bằng "npx sodiem login" (xem docs/deploy.md). ' +
    '(No Google credentials configured: set GOOGLE_APPLICATION_CREDENTIALS to a service account key file, or use --oauth-client with a refresh token stored by "npx sodiem login"; see docs/deploy.md.)',
  noToken: (client: string, token: string) =>
    `Chưa có mã làm mới cho ứng dụng OAuth "${client}" trong tệp "${token}": hãy chạy npx sodiem login --oauth-client "${client}" trước. ` +
    `(No refresh token for OAuth client "${client}" in "${token}": run npx sodiem login --oauth-client "${client}" first.)`,
  missingFile: (path: string) => `Không có tệp "${path}". (File "${path}" not found.)`,
  localOnly: (url: string) =>
    `--api-root chỉ dùng cho máy chủ Sheets thử trên máy này (http://127.0.0.1:…), không phải "${url}". (--api-root is only for a local test Sheets server, not "${url}".)`,
} as const;

/** Where the credentials come from; the client itself is built by sheetsAuth. */
export type AuthSource =
  | { kind: 'local'; rootUrl: string; token: string }
  | { kind: 'service-account'; keyFile: string }
  | { kind: 'oauth'; clientFile: string; tokenFile: string };

export interface AuthOptions {
  apiRoot?: string;
  keyFile?: string;
  oauthClient?: string;
  token?: string;
}

export class AuthProblem extends Error {}

export const defaultTokenFile = (env: NodeJS.ProcessEnv = process.env) =>
  env.SODIEM_OAUTH_TOKEN ?? join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'sodiem', 'oauth-token.json');

/** The source the options and the environment name; throws AuthProblem with the sentence to show. */
export function authSource(options: AuthOptions, env: NodeJS.ProcessEnv = process.env): AuthSource {
  const apiRoot = options.apiRoot ?? env.SODIEM_SHEETS_ROOT_URL;
  if (apiRoot) {
    if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(apiRoot)) throw new AuthProblem(AUTH_TEXT.localOnly(apiRoot));
    return { kind: 'local', rootUrl: apiRoot.endsWith('/') ? apiRoot : `${apiRoot}/`, token: env.SODIEM_ACCESS_TOKEN ?? 'local-test-token' };
  }
  const keyFile = options.keyFile ?? env.GOOGLE_APPLICATION_CREDENTIALS;
  if (keyFile) {
    if (!existsSync(keyFile)) throw new AuthProblem(AUTH_TEXT.missingFile(keyFile));
    return { kind: 'service-account', keyFile };
  }
  const clientFile = options.oauthClient ?? env.SODIEM_OAUTH_CLIENT;
  if (clientFile) {
    if (!existsSync(clientFile)) throw new AuthProblem(AUTH_TEXT.missingFile(clientFile));
    const tokenFile = options.token ?? defaultTokenFile(env);
    if (!existsSync(tokenFile)) throw new AuthProblem(AUTH_TEXT.noToken(clientFile, tokenFile));
    return { kind: 'oauth', clientFile, tokenFile };
  }
  throw new AuthProblem(AUTH_TEXT.none);
}

export interface SheetsAuth {
  /** A google-auth-library client. */
  client: unknown;
  rootUrl?: string;
  /** Who reads, for the report ("tài khoản dịch vụ x@…", "máy chủ thử"). */
  describe: string;
}

/** The installed-app client's id and secret from the JSON the Cloud console downloads. */
export function oauthClientOf(path: string): { clientId: string; clientSecret: string } {
  const json = JSON.parse(readFileSync(path, 'utf8')) as { installed?: { client_id?: string; client_secret?: string } };
  const c = json.installed;
  if (!c?.client_id || !c.client_secret) throw new AuthProblem(`Tệp "${path}" không phải ứng dụng OAuth loại "Desktop app" (thiếu installed.client_id). (File "${path}" is not a Desktop-app OAuth client.)`);
  return { clientId: c.client_id, clientSecret: c.client_secret };
}

export async function sheetsAuth(source: AuthSource): Promise<SheetsAuth> {
  const google = await loadGoogle();
  switch (source.kind) {
    case 'local': {
      const client = new google.auth.OAuth2();
      client.setCredentials({ access_token: source.token, expiry_date: Date.now() + 24 * 3600_000 });
      return { client, rootUrl: source.rootUrl, describe: `máy chủ Sheets thử ${source.rootUrl}` };
    }
    case 'service-account': {
      const auth = new google.auth.GoogleAuth({ keyFile: source.keyFile, scopes: [READ_SCOPE] });
      const email = (JSON.parse(readFileSync(source.keyFile, 'utf8')) as { client_email?: string }).client_email ?? source.keyFile;
      return { client: await auth.getClient(), describe: `tài khoản dịch vụ ${email}` };
    }
    case 'oauth': {
      const { clientId, clientSecret } = oauthClientOf(source.clientFile);
      const client = new google.auth.OAuth2(clientId, clientSecret);
      const token = JSON.parse(readFileSync(source.tokenFile, 'utf8')) as { refresh_token?: string };
      if (!token.refresh_token) throw new AuthProblem(AUTH_TEXT.noToken(source.clientFile, source.tokenFile));
      client.setCredentials({ refresh_token: token.refresh_token });
      return { client, describe: `ứng dụng OAuth ${clientId}` };
    }
  }
}
