/**
 * Guard health: the status card and the board's menu say when the edit trigger is missing,
 * failing, or owned by someone no longer an admin, and when the hourly job stopped.
 */
import { guardedSchool, mail, PRINCIPAL, TOAN_6A } from './guard-world';
import { HEALTH_TEXT, HOURLY_RUN_KEY, recordTriggerOwner } from '../../src/server/features/health';

const lastAlert = (w: ReturnType<typeof guardedSchool>) => w.runtime.ui.alerts.at(-1)!.text;

function checkAs(w: ReturnType<typeof guardedSchool>, email: string): string {
  w.runtime.as(email).open(w.id);
  w.runtime.as(email).chooseMenuItem(w.id, 'menuGuardHealth');
  return lastAlert(w);
}

test('right after installation the board sees the guard at work', () => {
  const w = guardedSchool({ students: 3 });
  const text = checkAs(w, PRINCIPAL);
  expect(text).toContain(HEALTH_TEXT.ok);
  expect(text).toContain(`Cài đặt bởi ${w.admin}`);
});

test('the admin’s edit trigger deleted: the admin’s check names it', () => {
  const w = guardedSchool({ students: 3 });
  const edit = w.runtime.triggers.list().find((t) => t.handler === 'onEditGuard')!;
  w.runtime.triggers.remove(edit.uid);
  expect(checkAs(w, w.admin)).toContain(HEALTH_TEXT.missing('onEditGuard'));
});

test('the hourly job stopped: after three hours the board is told since when', () => {
  const w = guardedSchool({ students: 3 });
  w.runtime.advance(2 * 3600_000);
  expect(checkAs(w, PRINCIPAL)).toContain(HEALTH_TEXT.ok);
  const hourly = w.runtime.triggers.list().find((t) => t.handler === 'onHourly')!;
  w.runtime.triggers.remove(hourly.uid);
  w.runtime.advance(4 * 3600_000);
  expect(checkAs(w, PRINCIPAL)).toMatch(/^Công việc hằng giờ không chạy từ \d\d\/\d\d\/\d{4} \d\d:\d\d/m);
});

test('a failing guard is recorded and shown until it logs again', () => {
  const w = guardedSchool({ students: 3 });
  // The project lost its advanced Sheets service: the guard cannot put a closed score back.
  w.runtime.advancedSheets = false;
  expect(() => w.runtime.as(w.admin).edit(w.id, '6A', w.a1('HS0001', 'TOAN', 1, 'GK'), '9')).toThrow(/dịch vụ nâng cao Google Sheets API/);
  w.runtime.advancedSheets = true;
  expect(checkAs(w, PRINCIPAL)).toMatch(/Trình kiểm soát gặp lỗi lúc .*dịch vụ nâng cao Google Sheets API/);
  w.runtime.clock.set(new Date(w.runtime.clock.nowMs() + 60_000));
  w.runtime.as(TOAN_6A).edit(w.id, '6A', w.a1('HS0001', 'TOAN', 1, 'TX1'), '8');
  expect(checkAs(w, PRINCIPAL)).toContain(HEALTH_TEXT.ok);
});

test('triggers owned by someone who is no longer an admin are named until an admin installs them again', () => {
  const w = guardedSchool({ students: 3 });
  recordTriggerOwner(w.env(), mail('cuu.quantri'), ['onEditGuard', 'onChangeGuard']);
  expect(checkAs(w, PRINCIPAL)).toContain(HEALTH_TEXT.notAdmin(mail('cuu.quantri')));
  // The admin takes over: allowed, since the recorded owner is no admin any more.
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuInstallTriggers');
  expect(checkAs(w, PRINCIPAL)).toContain(HEALTH_TEXT.ok);
});

test('a teacher calling the trigger handlers through google.script.run is ignored: no false failure, no run', () => {
  const w = guardedSchool({ students: 3 });
  w.runtime.as(TOAN_6A).open(w.id);
  expect(w.runtime.as(TOAN_6A).callServer(w.id, 'onEditGuard', [null])).toBeNull();
  expect(w.runtime.as(TOAN_6A).callServer(w.id, 'onChangeGuard', [{ changeType: 'OTHER', triggerUid: '1' }])).toBeNull();
  expect(checkAs(w, PRINCIPAL)).toContain(HEALTH_TEXT.ok);
  expect(w.audit()).toEqual([]);
});

test('the owner deletes the hourly job and forges its stamp in the file’s metadata: a stamp from the future or that is no time is named', () => {
  const w = guardedSchool({ students: 3 });
  const hourly = w.runtime.triggers.list().find((t) => t.handler === 'onHourly')!;
  w.runtime.triggers.remove(hourly.uid);
  const api = () => w.env().sheetsApi.Spreadsheets!;
  const forge = (value: string) => {
    api().batchUpdate({ requests: [{ deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataKey: HOURLY_RUN_KEY } } } }] }, w.id);
    api().batchUpdate({ requests: [{ createDeveloperMetadata: { developerMetadata: { metadataKey: HOURLY_RUN_KEY, metadataValue: value, location: { spreadsheet: true }, visibility: 'DOCUMENT' } } }] }, w.id);
  };
  forge('2099-01-01T00:00:00.000Z');
  w.runtime.advance(4 * 3600_000);
  expect(checkAs(w, PRINCIPAL)).toContain(HEALTH_TEXT.hourlyForged('2099-01-01T00:00:00.000Z'));
  forge('vẫn chạy');
  expect(checkAs(w, PRINCIPAL)).toContain(HEALTH_TEXT.hourlyForged('vẫn chạy'));
  // A stamp the job could have written, an hour ago: the check cannot tell it from a run (a known limit).
  forge(new Date(w.runtime.clock.nowMs() - 3600_000).toISOString());
  expect(checkAs(w, PRINCIPAL)).toContain(HEALTH_TEXT.ok);
});
