import { SAMPLE_PEOPLE, openSampleSchool } from '../school';
import { startDevServer } from '../dev-server';
import { option } from './option';

/** `npx sodiem serve`: the sidebars over the sample school, Sổ Điểm installed by its admin. */
export async function serveCommand(args: string[]): Promise<number> {
  const { runtime, workbookId } = await openSampleSchool();
  const admin = runtime.as(SAMPLE_PEOPLE.admin);
  admin.open(workbookId);
  if (!args.includes('--fresh')) {
    admin.installAddOn(workbookId);
    admin.chooseMenuItem(workbookId, 'menuInstall');
  }
  const server = await startDevServer({ runtime, workbookId, port: Number(option(args, '--port', '8080')) });
  console.log(`Máy chủ thử thanh bên: ${server.url}/ (Ctrl+C để dừng)`);
  await new Promise(() => undefined);
  return 0;
}
