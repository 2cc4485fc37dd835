/**
 * The writer continues only from the last row it recorded itself: rows padded past the head, a
 * re-hashed last row, a defaced tail or a lost head stop it before it writes anything; the rows
 * of a run that died before recording its head are its own and are continued.
 */
import { auditCells, sealEntries } from '../../../src/server/domain/audit';
import type { PropertiesPort } from '../../../src/server/gas/ports';
import { AUDIT_HEAD_KEY, AUDIT_SHEET, appendAudit, readAudit, readHead, verifyAudit } from '../../../src/server/workbook/audit';
import { draft, sha256 } from '../../domain/audit/ledger';
import { inputs, setup } from './helpers';

function logged(n: number) {
  const s = setup();
  const written = appendAudit(s.env, inputs(n, s.rt.clock.now()));
  const sheet = s.env.spreadsheetApp.getActiveSpreadsheet().getSheetByName(AUDIT_SHEET)!;
  const props = s.env.properties.getDocumentProperties()!;
  const unchanged = () => {
    expect(readAudit(s.env)).toHaveLength(sheet.getLastRow() - 1);
    return { rows: sheet.getLastRow(), head: props.getProperty(AUDIT_HEAD_KEY) };
  };
  return { ...s, written, sheet, props, unchanged };
}

test('a correctly chained row padded past the head is refused, and nothing is written', () => {
  const { env, rt, written, sheet, unchanged } = logged(4);
  const head = { seq: 4, hash: written[3].hash };
  const [forged] = sealEntries(head, [draft(1, { actor: 'hieutruong@truong.edu.vn', outcome: 'correction', newValue: '10' })], sha256);
  sheet.getRange(6, 1, 1, 16).setValues([auditCells(forged)]);
  const before = unchanged();
  expect(() => appendAudit(env, inputs(1, rt.clock.now(), 4))).toThrow(
    /^Trang “Nhật ký” có dòng sau số TT 4, dòng cuối Sổ Điểm đã ghi: dòng 6 \(số TT 5\) không do Sổ Điểm ghi\. Sổ Điểm chưa ghi thêm gì/,
  );
  expect(unchanged()).toEqual(before);
});

test('the last row rewritten with its hash recomputed is refused', () => {
  const { env, rt, written, sheet, unchanged } = logged(3);
  const [rewritten] = sealEntries({ seq: 2, hash: written[1].hash }, [{ ...draft(2), newValue: '10' }], sha256);
  sheet.getRange(4, 1, 1, 16).setValues([auditCells(rewritten)]);
  const before = unchanged();
  expect(() => appendAudit(env, inputs(1, rt.clock.now(), 3))).toThrow(/^Dòng 4 của trang “Nhật ký” \(số TT 3\) mang mã băm khác/);
  expect(unchanged()).toEqual(before);
});

test('a defaced last row, a deleted head record and an emptied sheet are refused', () => {
  const { env, rt, sheet, props, written } = logged(3);
  const head = props.getProperty(AUDIT_HEAD_KEY)!;
  sheet.getRange('P4').setValue('xyz');
  expect(() => appendAudit(env, inputs(1, rt.clock.now()))).toThrow(/^Dòng cuối của trang “Nhật ký” \(dòng 4\) không đúng định dạng/);
  sheet.getRange('P4').setValue(written[2].hash);
  props.deleteProperty(AUDIT_HEAD_KEY);
  expect(() => appendAudit(env, inputs(1, rt.clock.now()))).toThrow(/^Không đọc được dòng cuối Sổ Điểm đã ghi nhận/);
  props.setProperty(AUDIT_HEAD_KEY, head);
  sheet.deleteRows(2, 3);
  expect(() => appendAudit(env, inputs(1, rt.clock.now()))).toThrow(/^Trang “Nhật ký” không còn dòng nào, nhưng Sổ Điểm đã ghi nhật ký đến số TT 3/);
});

test('a head record that does not parse is not trusted: the writer stops', () => {
  const { env, rt, props } = logged(2);
  props.setProperty(AUDIT_HEAD_KEY, '{"seq":"2"}');
  expect(() => appendAudit(env, inputs(1, rt.clock.now()))).toThrow(/^Không đọc được dòng cuối Sổ Điểm đã ghi nhận, nên không biết dòng 3 \(số TT 2\)/);
});

test('a run that wrote its rows but died before recording the head is continued, and the chain verifies', () => {
  const { env, rt, written, props } = logged(2);
  // The property store fails the second head write of the next append (after its rows).
  let headWrites = 0;
  const failing: PropertiesPort = Object.create(props);
  failing.setProperty = (key: string, value: string) => {
    if (key === AUDIT_HEAD_KEY && ++headWrites === 2) throw new Error('You have exceeded the property storage quota.');
    return props.setProperty(key, value);
  };
  const dying = { ...env, properties: { ...env.properties, getDocumentProperties: () => failing } };
  expect(() => appendAudit(dying, inputs(3, rt.clock.now(), 2))).toThrow('quota');
  expect(readAudit(env)).toHaveLength(5);
  expect(readHead(props)).toEqual({ seq: 2, hash: written[1].hash });
  const next = appendAudit(env, inputs(1, rt.clock.now(), 5));
  expect(next[0].seq).toBe(6);
  expect(readHead(props)).toEqual({ seq: 6, hash: next[0].hash });
  expect(JSON.parse(props.getProperty(AUDIT_HEAD_KEY)!)).toEqual({ seq: 6, hash: next[0].hash }); // no `next` left over
  expect(verifyAudit(env)).toEqual({ ok: true, count: 6, archives: 0 });
});

test('checking the tail costs one row read, the same for a one-row log as for a long one', () => {
  const { env, rt } = logged(500);
  const calls = rt.calls.measure(() => appendAudit(env, inputs(1, rt.clock.now(), 500)));
  expect(calls.calls['Range.getValues']).toBe(1);
  expect(calls.calls['Properties.setProperty']).toBe(2);
});
