/**
 * `npx sodiem login --oauth-client client.json [--token tệp]`: the OAuth installed-app sign-in
 * (src/local/sheets-client/login.ts); the refresh token goes to the user's config folder.
 */
import { existsSync } from 'node:fs';
import { option } from './option';
import { defaultTokenFile } from '../sheets-client/auth';

const USAGE = 'Cách dùng: npx sodiem login --oauth-client <client.json> [--token <tệp>] (Usage: npx sodiem login --oauth-client <client.json>)';

export async function loginCommand(args: string[]): Promise<number> {
  const client = option(args, '--oauth-client', process.env.SODIEM_OAUTH_CLIENT ?? '');
  if (args.includes('--help') || !client) {
    (args.includes('--help') ? process.stdout : process.stderr).write(`${USAGE}\n`);
    return args.includes('--help') ? 0 : 2;
  }
  if (!existsSync(client)) {
    process.stderr.write(`Không tìm thấy tệp ${client}. (File not found: ${client}.)\n`);
    return 2;
  }
  const { login } = await import('../sheets-client/login');
  await login(client, option(args, '--token', defaultTokenFile()), (line) => process.stdout.write(`${line}\n`));
  return 0;
}
