/**
 * Issue 9, "Done when": a whole simulated HK I in the local runtime, through the runtime's UI
 * actions, week by week. Teachers type TX, GK and CK scores (decimals typed "8,5"), paste
 * blocks, fill down, put typos right in open windows, try invalid values and other people's
 * columns; the owner types where the guard puts values back; one student transfers out and one
 * in (roster import, confirmed, then setup), setup is re-run with no change, the owner inserts a
 * row once, an edit waits behind the document lock once, the admin reconciles and adds the
 * conduct (rèn luyện) window to the calendar. At the end "Kiểm tra nhật ký" finds nothing (no
 * false alarm), every log row is one the test expected, and the book holds exactly what the
 * teachers entered.
 * Then the same semester saved as .xlsx and tampered with by the owner: every differing cell
 * and the first bad row are named, and the checkpoints people hold show the rewrite.
 */
import type { CellValue } from '../../src/server/gas/ports';
import { layoutFromKeys, columnLetter, COLOURS, ATTENDANCE_HEADER_ROWS, attendanceRoleOf, attendanceSheetName, SUMMER_HEADER_ROWS, summerRoleOf, summerSheetName, type ClassBookLayout } from '../../src/server/workbook/layout';
import { editorOf, parseKey } from '../../src/server/workbook/layout/keys';
import { roleOf } from '../../src/server/workbook/layout/guarded-cells';
import { AUDIT_HEAD_KEY, AUDIT_SHEET } from '../../src/server/workbook/audit';
import { AUDIT_TEXT, CHECKPOINT_TEXT, auditCells, sealEntries } from '../../src/server/domain/audit';
import { REPLAY_TEXT } from '../../src/server/domain/audit/replay-messages';
import { sha256Hex } from '../../src/server/domain/audit/sha256';
import { checkMyCheckpoints } from '../../src/server/features/checkpoints';
import { verifyBook } from '../../src/server/features/verify-book';
import { IMPORT_SHEET } from '../../src/server/features/setup';
import type { WorkbookData } from '../../src/local/sheets/model';
import { guardedSchool, mail, PRINCIPAL, TOAN_6A, VAN_6A, type GuardWorld } from './guard-world';
import { writeTable } from './school-world';
import { rosterRows, student } from './roster-rows';
import { auditEntries, setCell, throughXlsx } from './xlsx-tamper';

const DAY = 86_400_000;
/** Tuesdays, 09:00 in Việt Nam; week 0 is the day guardedSchool sets the book up (15/09/2026). */
const weekStart = (week: number) => new Date(Date.parse('2026-09-15T02:00:00Z') + week * 7 * DAY);
const TX_WEEKS = 16; // weeks 0–15 (TX is open all semester)
const GK_WEEKS = [6, 7, 8]; // 27/10, 03/11, 10/11 (GK 26/10–14/11)
const CK_WEEKS = [12, 13, 14, 15, 16]; // 08/12 … 05/01 (CK 09/11–09/01)
const LEAVE_WEEK = 9; // 17/11
const FINAL_WEEK = 17; // 12/01/2027: GK and CK closed, TX still open

const OUTCOME = { accepted: 'Chấp nhận', reverted: 'Hoàn tác', structure: 'Cấu trúc', config: 'Cấu hình' } as const;
type Outcome = keyof typeof OUTCOME;
const A = { seq: 0, actor: 2, sheet: 4, cell: 5, student: 6, subject: 7, column: 8, old: 9, new: 10, outcome: 11 };

interface Subject {
  code: string;
  kind: 'S' | 'C';
  teachers: string[];
}

/** 6A's subjects and who teaches them (fixtures' assignments; Tin học given to dung.pt by guardedSchool). */
const SUBJECTS_6A: Subject[] = [
  { code: 'VAN', kind: 'S', teachers: [VAN_6A] },
  { code: 'TOAN', kind: 'S', teachers: [TOAN_6A] },
  { code: 'NN1', kind: 'S', teachers: [mail('chau.vm')] },
  { code: 'GDCD', kind: 'S', teachers: [mail('binh.lt')] },
  { code: 'LSDL', kind: 'S', teachers: [mail('khoa.tv')] },
  { code: 'KHTN', kind: 'S', teachers: [mail('thu.ht'), mail('dung.pt')] },
  { code: 'CN', kind: 'S', teachers: [mail('dung.pt')] },
  { code: 'TIN', kind: 'S', teachers: [mail('dung.pt')] },
  { code: 'GDTC', kind: 'C', teachers: [mail('giang.bd')] },
  { code: 'HDTN', kind: 'C', teachers: [TOAN_6A] },
  { code: 'GDDP', kind: 'C', teachers: [mail('ha.dt')] },
  { code: 'AN', kind: 'C', teachers: [mail('ha.dt')] },
  { code: 'MT', kind: 'C', teachers: [mail('ha.dt')] },
];
const LEAVER = 'HS0010';
const NEWCOMER = student(46, '6A', 2015);

/** A score and how a teacher types it: "8,5" for halves (vi_VN), "7" for whole numbers. */
function score(seed: number): { text: string; value: number } {
  const value = 5 + (seed % 11) / 2; // 5 … 10
  return { text: Number.isInteger(value) ? String(value) : String(value).replace('.', ','), value };
}
const comment = (seed: number) => (seed % 7 === 0 ? 'CĐ' : 'Đ');
const TRAINING = ['Tốt', 'Khá', 'Đạt', 'Chưa đạt'];

const blank = (v: CellValue | undefined) => v === '' || v === null || v === undefined;
const sameValue = (a: CellValue | undefined, b: CellValue | undefined) => (blank(a) ? '' : a) === (blank(b) ? '' : b);

/**
 * The semester as the test drives it: the world, what the book must hold (by class, student and
 * column key), and the log rows each action must have written.
 */
class Semester {
  readonly model = new Map<string, CellValue>();
  readonly expectedRows: Record<Outcome, number> = { accepted: 0, reverted: 0, structure: 0, config: 0 };
  /** The log's length when VAN_6A opened the status card and when the principal verified. */
  readonly checkpoints = { teacher: [] as number[], principal: [] as number[] };
  /** Cells whose typo was put right: the wrong value's row, then the right one's. */
  readonly typos: { sheet: string; code: string; key: string; wrong: CellValue; right: CellValue }[] = [];
  private layouts = new Map<string, ClassBookLayout>();
  leftClass = new Set<string>();

  constructor(readonly w: GuardWorld) {}

  layout(sheet: string): ClassBookLayout {
    let layout = this.layouts.get(sheet);
    if (!layout) {
      const values = this.w.tab(sheet);
      layout = layoutFromKeys(values[4], values.slice(5).map((r) => r[1]));
      this.layouts.set(sheet, layout);
    }
    return layout;
  }

  /** After setup, a roster change or a repair: positions are read again. */
  forgetLayouts(): void {
    this.layouts.clear();
  }

  a1(sheet: string, code: string, key: string): string {
    const layout = this.layout(sheet);
    const row = layout.studentRow(code);
    const col = layout.keys.indexOf(key) + 1;
    if (row === null || col === 0) throw new Error(`no cell for ${sheet} ${code} ${key}`);
    return `${columnLetter(col)}${row}`;
  }

  current(sheet: string, code: string, key: string): CellValue {
    return this.model.get(`${sheet}|${code}|${key}`) ?? '';
  }

  private expectCell(sheet: string, code: string, key: string, value: CellValue, what: string): void {
    const a1 = this.a1(sheet, code, key);
    expect({ what, sheet, code, key, value: this.w.value(a1, sheet) }).toEqual({ what, sheet, code, key, value: blank(value) ? '' : value });
  }

  /** Students still in the class, in the tab's order. */
  active(sheet: string): string[] {
    return this.layout(sheet).studentCodes.filter((c) => !this.leftClass.has(c));
  }

  /** Someone assigned types into an open cell: kept, logged once when the value changes. */
  type(email: string, sheet: string, code: string, key: string, text: string, value: CellValue): void {
    const outcome = this.w.runtime.as(email).edit(this.w.id, sheet, this.a1(sheet, code, key), text);
    expect({ email, sheet, code, key, text, ok: outcome.ok }).toEqual({ email, sheet, code, key, text, ok: true });
    if (!sameValue(value, this.current(sheet, code, key))) this.expectedRows.accepted++;
    this.model.set(`${sheet}|${code}|${key}`, value);
    this.expectCell(sheet, code, key, value, `typed ${text}`);
  }

  /** A typo put right in the same open window: two accepted rows, the right value stays. */
  typeTypo(email: string, sheet: string, code: string, key: string, wrong: { text: string; value: CellValue }, right: { text: string; value: CellValue }): void {
    this.typos.push({ sheet, code, key, wrong: wrong.value, right: right.value });
    this.type(email, sheet, code, key, wrong.text, wrong.value);
    this.type(email, sheet, code, key, right.text, right.value);
  }

  /** Sheets itself refuses (protection or data validation): nothing reaches the guard or the log. */
  refused(email: string, sheet: string, code: string, key: string, text: string, reason: 'protected' | 'invalid'): void {
    const outcome = this.w.runtime.as(email).edit(this.w.id, sheet, this.a1(sheet, code, key), text);
    expect({ email, key, text, outcome }).toMatchObject({ email, key, text, outcome: { ok: false, reason } });
    this.expectCell(sheet, code, key, this.current(sheet, code, key), `refused ${text}`);
  }

  /** The owner passes every protection; the guard puts the value back: one reverted row, in the owner's name. */
  ownerReverted(sheet: string, code: string, key: string, text: string): void {
    const outcome = this.w.runtime.as(this.w.admin).edit(this.w.id, sheet, this.a1(sheet, code, key), text);
    expect(outcome.ok).toBe(true);
    this.expectedRows.reverted++;
    expect(this.w.audit().at(-1)!.slice(A.actor, A.outcome + 1)).toEqual([
      this.w.admin,
      this.w.admin,
      sheet,
      this.a1(sheet, code, key),
      code,
      roleOf(key)!.subjectCode,
      roleOf(key)!.column,
      String(this.current(sheet, code, key)),
      text,
      OUTCOME.reverted,
    ]);
    this.expectCell(sheet, code, key, this.current(sheet, code, key), `owner typed ${text}`);
  }

  /**
   * Ctrl+V of a column of cells over consecutive students (in the tab's order). Valid cells are
   * kept (a row each when changed); `invalid` cells (index → text) are put back, a row each.
   */
  paste(email: string, sheet: string, codes: string[], key: string, cells: { text: string; value: CellValue }[], invalid: Map<number, string> = new Map()): void {
    const first = this.a1(sheet, codes[0], key);
    const last = this.a1(sheet, codes[codes.length - 1], key);
    const texts = cells.map((c, i) => [invalid.get(i) ?? c.text]);
    const outcome = this.w.runtime.as(email).paste(this.w.id, sheet, `${first}:${last}`, texts);
    expect({ email, key, ok: outcome.ok }).toEqual({ email, key, ok: true });
    codes.forEach((code, i) => {
      if (invalid.has(i)) {
        this.expectedRows.reverted++;
      } else {
        if (!sameValue(cells[i].value, this.current(sheet, code, key))) this.expectedRows.accepted++;
        this.model.set(`${sheet}|${code}|${key}`, cells[i].value);
      }
      this.expectCell(sheet, code, key, this.current(sheet, code, key), `pasted ${texts[i][0]}`);
    });
  }

  /** The first student's value typed, then Ctrl+D over the run: one accepted row per changed cell. */
  fillDown(email: string, sheet: string, codes: string[], key: string, text: string): void {
    this.type(email, sheet, codes[0], key, text, text);
    const range = `${this.a1(sheet, codes[0], key)}:${this.a1(sheet, codes[codes.length - 1], key)}`;
    expect(this.w.runtime.as(email).fillDown(this.w.id, sheet, range).ok).toBe(true);
    for (const code of codes.slice(1)) {
      if (!sameValue(text, this.current(sheet, code, key))) this.expectedRows.accepted++;
      this.model.set(`${sheet}|${code}|${key}`, text);
      this.expectCell(sheet, code, key, text, 'filled down');
    }
  }

  /** Every entry cell of a class tab and of its shadow, read back, equals what the teachers entered. */
  expectBookMatches(sheet: string): void {
    const expected = new Map([...this.model].filter(([k]) => k.startsWith(`${sheet}|`)).map(([k, v]) => [k.slice(sheet.length + 1), v]));
    for (const name of [sheet, `${sheet} (bản lưu)`]) {
      const values = this.w.tab(name);
      const keys = values[4].map(String);
      const found = new Map<string, CellValue>();
      for (const row of values.slice(5)) {
        const code = String(row[1]);
        if (code === '') continue;
        keys.forEach((key, col) => {
          const parsed = parseKey(key);
          if (parsed && editorOf(parsed) !== 'nobody' && !blank(row[col])) found.set(`${code}|${key}`, row[col]);
        });
      }
      expect({ name, entries: found }).toEqual({ name, entries: expected });
    }
  }

  expectBooksMatch(): void {
    for (const sheet of ['6A', '6B', '7A']) this.expectBookMatches(sheet);
  }

  reconcile(): void {
    const rows = this.w.audit().length;
    this.w.runtime.as(this.w.admin).chooseMenuItem(this.w.id, 'menuReconcile');
    expect(this.w.runtime.ui.alerts.at(-1)!.text).toContain('0 thay đổi không qua trình kiểm soát được đưa vào danh sách chờ Ban giám hiệu quyết định, 0 thay đổi không hợp lệ hoặc vào ô đang khoá được hoàn tác');
    expect(this.w.audit()).toHaveLength(rows);
  }

  setup(): string {
    const seen = this.w.runtime.ui.alerts.length;
    this.w.runtime.as(this.w.admin).chooseMenuItem(this.w.id, 'menuSetup');
    this.forgetLayouts();
    return this.w.runtime.ui.alerts.slice(seen).map((a) => a.text).join('\n');
  }
}

const slotKeys = (layout: ClassBookLayout, subject: Subject, slot: RegExp) =>
  layout.keys.filter((k) => k.startsWith(`${subject.kind}|${subject.code}|1|`) && slot.test(k.split('|')[3]));

/** The week a subject's TX round is entered: spread over the semester, subjects staggered. */
function txWeek(subjectIndex: number, round: number, rounds: number): number {
  return (round - 1) * Math.floor(TX_WEEKS / rounds) + (subjectIndex % 4);
}

/** Consecutive runs of the given students in the tab's order (a paste cannot cross a leaver's closed row). */
function runs(layout: ClassBookLayout, codes: string[]): string[][] {
  const wanted = new Set(codes);
  const out: string[][] = [];
  let run: string[] = [];
  for (const code of layout.studentCodes) {
    if (wanted.has(code)) run.push(code);
    else if (run.length > 0) {
      out.push(run);
      run = [];
    }
  }
  if (run.length > 0) out.push(run);
  return out;
}

/** One subject's column for every student still in 6A, typed, pasted or filled down as the teacher likes. */
function enterColumn(s: Semester, subject: Subject, subjectIndex: number, key: string, seed: number, codes = s.active('6A')): void {
  const teacher = subject.teachers[seed % subject.teachers.length];
  const valueOf = (j: number) => (subject.kind === 'S' ? score(j * 3 + seed) : { text: comment(j + seed), value: comment(j + seed) });
  const mode = (subjectIndex + seed) % 3;
  if (mode === 0) {
    // One by one, with a typo put right now and then and an invalid value refused by Sheets.
    codes.forEach((code, j) => {
      const right = valueOf(j);
      if (j % 13 === 5) s.refused(teacher, '6A', code, key, subject.kind === 'S' ? (j % 2 ? '11' : 'abc') : 'Tốt', 'invalid');
      if (j % 11 === 3) {
        const wrong = valueOf(j + 1);
        if (!sameValue(wrong.value, right.value)) s.typeTypo(teacher, '6A', code, key, wrong, right);
        else s.type(teacher, '6A', code, key, right.text, right.value);
      } else {
        s.type(teacher, '6A', code, key, right.text, right.value);
      }
    });
  } else if (mode === 1 || subject.kind === 'S') {
    // Pasted from the teacher's own sheet, one block per run; now and then a bad cell, put back, then typed right.
    for (const block of runs(s.layout('6A'), codes)) {
      const cells = block.map((code) => valueOf(codes.indexOf(code)));
      const bad = (seed + subjectIndex) % 2 === 0 && block.length > 3 ? new Map([[2, ['11', 'abc', '=5+3'][seed % 3]]]) : new Map<number, string>();
      s.paste(teacher, '6A', block, key, cells, bad);
      for (const i of bad.keys()) s.type(teacher, '6A', block[i], key, cells[i].text, cells[i].value);
    }
  } else {
    // A comment column: "Đ" filled down over each run, then the few "CĐ" typed over it.
    for (const block of runs(s.layout('6A'), codes)) s.fillDown(teacher, '6A', block, key, 'Đ');
    codes.forEach((code, j) => {
      if (valueOf(j).value === 'CĐ') s.type(teacher, '6A', code, key, 'CĐ', 'CĐ');
    });
  }
}

function runSemester(): Semester {
  const w = guardedSchool();
  const s = new Semester(w);
  const layout6A = s.layout('6A');
  const txRounds = new Map(SUBJECTS_6A.map((subject) => [subject.code, slotKeys(layout6A, subject, /^TX\d+$/)]));
  const roundsDone: { subject: Subject; week: number; key: string }[] = [];
  w.runtime.as(PRINCIPAL).open(w.id);

  for (let week = 0; week <= FINAL_WEEK; week++) {
    if (week > 0) w.later(weekStart(week));

    // TX rounds due this week.
    SUBJECTS_6A.forEach((subject, i) => {
      const keys = txRounds.get(subject.code)!;
      keys.forEach((key, r) => {
        if (txWeek(i, r + 1, keys.length) !== week) return;
        enterColumn(s, subject, i, key, week + r);
        roundsDone.push({ subject, week, key });
      });
    });
    // GK in its window, CK in its.
    SUBJECTS_6A.forEach((subject, i) => {
      if (GK_WEEKS[i % GK_WEEKS.length] === week) enterColumn(s, subject, i, slotKeys(s.layout('6A'), subject, /^GK$/)[0], week + 1);
      if (CK_WEEKS[i % CK_WEEKS.length] === week) enterColumn(s, subject, i, slotKeys(s.layout('6A'), subject, /^CK$/)[0], week + 2);
    });

    // Every week someone tries another teacher's column: Sheets refuses.
    const [victim] = s.active('6A').slice(week % 40);
    s.refused(VAN_6A, '6A', victim, 'S|TOAN|1|TX1', '10', 'protected');

    switch (week) {
      case 0:
        // The owner (who teaches nothing) types into an open column and a closed one: both put back.
        s.ownerReverted('6A', victim, 'S|TOAN|1|TX2', '10');
        s.ownerReverted('6A', victim, 'S|VAN|1|GK', '9');
        break;
      case 1:
        // A teacher opens the status card: a checkpoint in their own account.
        w.runtime.as(VAN_6A).callServer(w.id, 'apiStatus');
        s.checkpoints.teacher.push(w.audit().length);
        break;
      case 2: {
        // The other classes: 6B's and 7A's teachers, the vice-principal who teaches Toán in 7A.
        s.type(TOAN_6A, '6B', 'HS0101', 'S|TOAN|1|TX1', '9', 9);
        s.type(mail('binh.lt'), '6B', 'HS0101', 'S|VAN|1|TX1', '7,5', 7.5);
        s.type(mail('thinh.tv'), '7A', 'HS0201', 'S|TOAN|1|TX1', '6', 6);
        s.typeTypo(mail('binh.lt'), '7A', 'HS0201', 'S|VAN|1|TX1', score(3), score(8));
        s.refused(mail('thinh.tv'), '7A', 'HS0201', 'S|VAN|1|TX1', '10', 'protected'); // a board member who teaches: only their own blocks
        s.refused(PRINCIPAL, '6A', victim, 'S|TOAN|1|TX1', '10', 'protected');
        break;
      }
      case 5: {
        // An edit waits behind the document lock: queued, then settled (and logged) by the next edit.
        const [a, b] = s.active('6A').slice(20, 22);
        w.runtime.locks.holdDocumentLock(w.id, 'forever');
        const queued = w.runtime.as(TOAN_6A).edit(w.id, '6A', s.a1('6A', a, 'S|TOAN|1|TX4'), '4,5');
        w.runtime.locks.releaseDocumentLock(w.id);
        expect(queued.ok).toBe(true);
        const before = w.audit().length;
        s.model.set(`6A|${a}|S|TOAN|1|TX4`, 4.5);
        s.expectedRows.accepted++;
        s.type(TOAN_6A, '6A', b, 'S|TOAN|1|TX4', '5', 5);
        expect(w.audit().slice(before).map((r) => [r[A.student], r[A.new], r[A.outcome]])).toEqual([
          [a, '4.5', OUTCOME.accepted],
          [b, '5', OUTCOME.accepted],
        ]);
        expect(w.value(s.a1('6A', a, 'S|TOAN|1|TX4'), '6A (bản lưu)')).toBe(4.5);
        break;
      }
      case 7: {
        // A structural accident: the owner inserts a row in the middle of the class; put right at once.
        const row = s.layout('6A').studentRow(s.active('6A')[17])!;
        expect(w.runtime.as(w.admin).insertRowsBefore(w.id, '6A', row, 1).ok).toBe(true);
        s.expectedRows.structure++;
        s.forgetLayouts();
        expect(s.layout('6A').equals(layout6A)).toBe(true);
        s.expectBookMatches('6A');
        break;
      }
      case 8: {
        // The principal checks the book mid-semester: clean, and a checkpoint in their account.
        w.runtime.as(PRINCIPAL).chooseMenuItem(w.id, 'menuVerifyAudit');
        const n = w.audit().length;
        expect(w.runtime.ui.alerts.at(-1)!.text.split('\n')).toEqual([
          AUDIT_TEXT.ok(n),
          expect.stringMatching(/^Sổ điểm khớp với nhật ký: \d+ ô được kiểm soát của 3 lớp/),
          CHECKPOINT_TEXT.none,
          CHECKPOINT_TEXT.recorded(n),
        ]);
        s.checkpoints.principal.push(n);
        break;
      }
      case LEAVE_WEEK: {
        // After GK closed: a teacher is refused, the owner put back.
        s.refused(TOAN_6A, '6A', victim, 'S|TOAN|1|GK', '8', 'protected');
        s.ownerReverted('6A', victim, 'S|TOAN|1|GK', '8');
        // One student transfers out, one transfers in: the import asks, the admin confirms, setup follows.
        const stay = Array.from({ length: 45 }, (_, i) => student(i + 1, '6A', 2015)).filter((st) => st.code !== LEAVER);
        writeTable(w.env(), IMPORT_SHEET, rosterRows([...stay, NEWCOMER, student(101, '6B', 2015), student(201, '7A', 2014)]));
        w.runtime.ui.promptAnswers.push('1');
        w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuImportRoster');
        expect(w.runtime.ui.prompts.at(-1)!.text).toContain(`(${LEAVER}) — Chuyển đi từ 17/11/2026`);
        expect(w.runtime.ui.alerts.at(-1)!.text).toContain('1 học sinh rời lớp được giữ lại');
        // The roster change is in the log: the leaver and the newcomer, one row each.
        const rosterRowsLogged = w.audit().filter((r) => r[4] === 'Danh sách học sinh').map((r) => [r[6], r[9], r[10]]);
        expect(rosterRowsLogged).toEqual([
          [LEAVER, 'Đang học lớp 6A', 'Chuyển đi từ 17/11/2026'],
          [NEWCOMER.code, '', 'Đang học lớp 6A'],
        ]);
        s.expectedRows.config += 2;
        expect(s.setup()).toContain('1 học sinh đã rời lớp');
        s.leftClass.add(LEAVER);
        const layout = s.layout('6A');
        expect(layout.studentCodes).toContain(NEWCOMER.code);
        expect(layout.studentCodes).toContain(LEAVER);
        // The leaver's row: greyed, closed, every score kept.
        const row = layout.studentRow(LEAVER)!;
        const backgrounds = w.env().spreadsheetApp.getActiveSpreadsheet().getSheetByName('6A')!.getRange(row, 1, 1, layout.numColumns).getBackgrounds()[0];
        expect(backgrounds.every((b) => b === COLOURS.leaver)).toBe(true);
        expect([...s.model.keys()].filter((k) => k.startsWith(`6A|${LEAVER}|`)).length).toBeGreaterThan(10);
        s.expectBooksMatch();
        s.refused(TOAN_6A, '6A', LEAVER, 'S|TOAN|1|TX3', '9', 'protected');
        // The newcomer arrived after GK closed: the owner cannot put a GK score in either.
        s.ownerReverted('6A', NEWCOMER.code, 'S|TOAN|1|GK', '7');
        break;
      }
      case LEAVE_WEEK + 1: {
        // The newcomer's make-up TX scores for the rounds entered before they came.
        const done = roundsDone.filter((d) => d.week <= LEAVE_WEEK);
        expect(done.length).toBeGreaterThan(10);
        done.forEach((d, k) => {
          const teacher = d.subject.teachers[0];
          if (d.subject.kind === 'S') s.type(teacher, '6A', NEWCOMER.code, d.key, score(k).text, score(k).value);
          else s.type(teacher, '6A', NEWCOMER.code, d.key, comment(k), comment(k));
        });
        // The teacher looks at the status card again.
        w.runtime.as(VAN_6A).callServer(w.id, 'apiStatus');
        s.checkpoints.teacher.push(w.audit().length);
        // The admin adds the conduct window (rèn luyện HK I) to the calendar: a configuration row, logged.
        const calendar = w.tab('Lịch nhập điểm');
        const at = calendar.length + 1;
        expect(w.runtime.as(w.admin).paste(w.id, 'Lịch nhập điểm', `A${at}:H${at}`, [['I', 'RL', '', '', '', '01/12/2026', '09/01/2027', 'Rèn luyện HK I']]).ok).toBe(true);
        s.expectedRows.config++;
        break;
      }
      case 12: {
        // The homeroom teachers enter conduct; a subject teacher is refused; a typed "T" is refused by Sheets.
        s.active('6A').forEach((code, j) => {
          if (j === 4) s.refused(TOAN_6A, '6A', code, 'R|1|RL', 'T', 'invalid');
          s.type(TOAN_6A, '6A', code, 'R|1|RL', TRAINING[j % 5 === 4 ? 2 : j % 3], TRAINING[j % 5 === 4 ? 2 : j % 3]);
        });
        s.typeTypo(TOAN_6A, '6A', s.active('6A')[7], 'R|1|RL', { text: 'Đạt', value: 'Đạt' }, { text: 'Khá', value: 'Khá' });
        s.refused(VAN_6A, '6A', s.active('6A')[8], 'R|1|RL', 'Tốt', 'protected');
        s.type(mail('binh.lt'), '6B', 'HS0101', 'R|1|RL', 'Tốt', 'Tốt');
        s.type(mail('chau.vm'), '7A', 'HS0201', 'R|1|RL', 'Khá', 'Khá');
        break;
      }
      case 13: {
        // Setup re-run with nothing changed: no log row, nothing moves.
        const rows = w.audit().length;
        expect(s.setup()).toContain('Đã thiết lập sổ điểm cho 3 lớp, 47 học sinh.');
        expect(w.audit()).toHaveLength(rows);
        s.expectBooksMatch();
        break;
      }
      case 15: {
        // Remarks (no window: the homeroom teacher's all year).
        s.active('6A').slice(0, 12).forEach((code, j) => s.type(TOAN_6A, '6A', code, 'R|Y|GC', j % 2 ? 'Chăm ngoan, tiến bộ' : 'Cần cố gắng môn Toán', j % 2 ? 'Chăm ngoan, tiến bộ' : 'Cần cố gắng môn Toán'));
        s.type(TOAN_6A, '6A', NEWCOMER.code, 'R|Y|GC', 'Chuyển đến ngày 17/11/2026', 'Chuyển đến ngày 17/11/2026');
        break;
      }
      case FINAL_WEEK: {
        // CK closed: a teacher is refused, the owner put back; TX still open for a late correction.
        s.refused(TOAN_6A, '6A', victim, 'S|TOAN|1|CK', '9', 'protected');
        s.ownerReverted('6A', victim, 'S|TOAN|1|CK', '9');
        s.typeTypo(TOAN_6A, '6A', victim, 'S|TOAN|1|TX1', { text: '3', value: 3 }, { text: '9,5', value: 9.5 });
        break;
      }
    }
    if (week % 4 === 3) s.reconcile();
  }
  return s;
}

/** The log rows of one guarded cell, by student and column (its A1 may have moved with a roster change). */
function rowsOfCell(w: GuardWorld, sheet: string, code: string, key: string): CellValue[][] {
  const { column, subjectCode } = roleOf(key)!;
  return w.audit().filter((r) => r[A.sheet] === sheet && r[A.student] === code && r[A.subject] === subjectCode && r[A.column] === column);
}

/** Rows of the log by outcome label. */
function countRows(w: GuardWorld): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of w.audit()) counts[String(r[A.outcome])] = (counts[String(r[A.outcome])] ?? 0) + 1;
  return counts;
}

const expectedCounts = (s: Semester) =>
  Object.fromEntries(Object.entries(s.expectedRows).filter(([, n]) => n > 0).map(([k, n]) => [OUTCOME[k as Outcome], n]));

/** Guarded cells per class as "Kiểm tra nhật ký" counts them: every student row (leavers too) × every guarded column. */
function guardedCellCount(s: Semester): number {
  return ['6A', '6B', '7A'].reduce((sum, sheet) => {
    const layout = s.layout(sheet);
    // The attendance and summer tabs are guarded too: their entry and total columns, same students.
    const attendanceKeys = s.w.tab(attendanceSheetName(sheet))[ATTENDANCE_HEADER_ROWS - 1].map(String);
    const summerKeys = s.w.tab(summerSheetName(sheet))[SUMMER_HEADER_ROWS - 1].map(String);
    const perStudent =
      layout.keys.filter((k) => roleOf(k) !== null).length + attendanceKeys.filter((k) => attendanceRoleOf(k) !== null).length + summerKeys.filter((k) => summerRoleOf(k) !== null).length;
    return sum + layout.studentCodes.length * perStudent;
  }, 0);
}

const SUBJECT_NAMES: Record<string, string> = {
  VAN: 'Ngữ văn', TOAN: 'Toán', NN1: 'Ngoại ngữ 1', GDCD: 'Giáo dục công dân', LSDL: 'Lịch sử và Địa lí', KHTN: 'Khoa học tự nhiên', CN: 'Công nghệ', TIN: 'Tin học',
  GDTC: 'Giáo dục thể chất', HDTN: 'Hoạt động trải nghiệm, hướng nghiệp', GDDP: 'Nội dung giáo dục của địa phương', AN: 'Âm nhạc', MT: 'Mĩ thuật',
};

/** What "Kiểm tra nhật ký" says of the book alone (no checkpoint taken). */
const verifyBookLines = (s: Semester) => verifyBook(s.w.env(PRINCIPAL)).lines;

function verifyAs(s: Semester, email: string): string[] {
  s.w.runtime.as(email).chooseMenuItem(s.w.id, 'menuVerifyAudit');
  return s.w.runtime.ui.alerts.at(-1)!.text.split('\n');
}

test('a whole HK I of ordinary work: "Kiểm tra nhật ký" finds the chain intact, the book equal to the log, the checkpoints held; every log row is one the semester made', () => {
  const s = runSemester();
  const { w } = s;
  // The book holds exactly what was entered, in every tab and shadow, leaver and newcomer included.
  s.expectBooksMatch();
  expect(s.model.size).toBeGreaterThan(2000);
  // The log: one row per accepted change, per value put back, the repair and the calendar decision; nothing else.
  expect(countRows(w)).toEqual(expectedCounts(s));
  expect(s.expectedRows.accepted).toBeGreaterThan(2000);
  expect(s.expectedRows.reverted).toBeGreaterThan(10);
  const n = w.audit().length;
  expect(n).toBe(Object.values(s.expectedRows).reduce((a, b) => a + b, 0));
  // Typos put right: the wrong value's row, then the right value's row whose old value is the wrong one.
  for (const typo of s.typos) {
    const rows = rowsOfCell(w, typo.sheet, typo.code, typo.key);
    const i = rows.findIndex((r) => r[A.new] === String(typo.wrong));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(rows[i + 1].slice(A.old, A.outcome + 1)).toEqual([String(typo.wrong), String(typo.right), OUTCOME.accepted]);
  }
  // The board's check: clean, no false alarm, and the principal's checkpoint of week 8 holds.
  expect(verifyAs(s, PRINCIPAL)).toEqual([
    AUDIT_TEXT.ok(n),
    REPLAY_TEXT.clean(guardedCellCount(s), 3),
    CHECKPOINT_TEXT.intact(1, s.checkpoints.principal[0]),
    CHECKPOINT_TEXT.recorded(n),
  ]);
  // The teacher's two checkpoints hold too.
  expect(s.checkpoints.teacher).toHaveLength(2);
  expect(checkMyCheckpoints(w.env(VAN_6A))).toEqual([CHECKPOINT_TEXT.intact(2, s.checkpoints.teacher[1]), CHECKPOINT_TEXT.recorded(n)]);
}, 120_000);


/** The owner's rewrite: rows by Số TT get new values, everything from the first one on is re-hashed, the head follows. */
function rewriteLog(wb: WorkbookData, newValues: Map<number, string>): void {
  const from = Math.min(...newValues.keys()) - 1;
  const entries = auditEntries(wb).map((e) => (newValues.has(e.seq) ? { ...e, newValue: newValues.get(e.seq)! } : e));
  const previous = { seq: entries[from - 1].seq, hash: entries[from - 1].hash };
  const sealed = sealEntries(previous, entries.slice(from), sha256Hex);
  const rows = wb.sheets.find((sh) => sh.name === AUDIT_SHEET)!.rows;
  sealed.forEach((e, i) => (rows[from + 1 + i] = auditCells(e).map((v) => ({ v, nf: '@' }))));
  const last = sealed[sealed.length - 1];
  wb.documentProperties[AUDIT_HEAD_KEY] = JSON.stringify({ seq: last.seq, hash: last.hash });
}

test('the same semester saved as .xlsx and tampered with by the owner: every differing cell and the first bad row are named, and the checkpoints show the rewrite', async () => {
  const s = runSemester();
  const { w } = s;
  const n = w.audit().length;
  // Saved and opened again untouched: still clean.
  await throughXlsx(w, () => undefined);
  s.forgetLayouts();
  expect(verifyBookLines(s)).toEqual([AUDIT_TEXT.ok(n), REPLAY_TEXT.clean(guardedCellCount(s), 3)]);

  const log = w.audit();
  const rowsOf = (code: string, key: string) => rowsOfCell(w, '6A', code, key);
  const [teacherFirst, teacherLast] = s.checkpoints.teacher;
  const [principalCheckpoint] = s.checkpoints.principal;
  const within = (seq: number) => seq > teacherFirst && seq <= principalCheckpoint;

  // (a) Scores written into the tab and its shadow with no log row; one only into the shadow.
  const [first, second, third] = s.active('6A');
  const forged = [
    { code: first, key: 'S|TOAN|1|TX1', subject: 'Toán', column: 'HK I · TX1', value: 0, shadowOnly: false },
    { code: LEAVER, key: 'S|VAN|1|TX1', subject: 'Ngữ văn', column: 'HK I · TX1', value: 10, shadowOnly: false },
    { code: second, key: 'S|TOAN|2|TX1', subject: 'Toán', column: 'HK II · TX1', value: 10, shadowOnly: false },
    { code: third, key: 'S|NN1|1|TX1', subject: 'Ngoại ngữ 1', column: 'HK I · TX1', value: 1, shadowOnly: true },
  ].map((f) => ({ ...f, a1: s.a1('6A', f.code, f.key), subjectCode: f.key.split('|')[1] }));
  // (b) An old row's value rewritten: a mistyped score's row (the correction after it no longer follows on) …
  const typo = s.typos
    .filter((t) => t.sheet === '6A' && t.key.startsWith('S|') && !forged.some((f) => f.code === t.code && f.key === t.key))
    .map((t) => {
      const rows = rowsOf(t.code, t.key);
      const i = rows.findIndex((r, k) => r[A.new] === String(t.wrong) && rows[k + 1]?.[A.old] === String(t.wrong));
      return { ...t, a1: s.a1('6A', t.code, t.key), column: roleOf(t.key)!.column, wrongSeq: Number(rows[i][A.seq]), rightSeq: Number(rows[i + 1][A.seq]) };
    })
    .find((t) => within(t.wrongSeq))!;
  const typoForged = typo.wrong === 10 ? '0' : '10';
  // … and a score logged once, rewritten together with the tab and the shadow, so that the replay cannot tell.
  const consistent = log.find(
    (r) =>
      r[A.sheet] === '6A' &&
      within(Number(r[A.seq])) &&
      r[A.outcome] === OUTCOME.accepted &&
      r[A.student] !== LEAVER &&
      log.filter((o) => o[A.sheet] === '6A' && o[A.student] === r[A.student] && o[A.subject] === r[A.subject] && o[A.column] === r[A.column]).length === 1 &&
      !(r[A.student] === typo.code && r[A.column] === typo.column) &&
      !forged.some((f) => f.code === r[A.student] && f.column === r[A.column] && f.subjectCode === r[A.subject]),
  )!;
  // Where it is now (a newcomer may have moved it since it was logged).
  const consistentA1 = s.a1('6A', String(consistent[A.student]), s.layout('6A').keys.find((k) => roleOf(k)?.column === consistent[A.column] && roleOf(k)?.subjectCode === consistent[A.subject])!);
  const consistentValue = consistent[A.new] === '10' ? 9 : 10;

  await throughXlsx(w, (wb) => {
    for (const f of forged) {
      if (!f.shadowOnly) setCell(wb, '6A', f.a1, f.value);
      setCell(wb, '6A (bản lưu)', f.a1, f.value);
    }
    setCell(wb, '6A', consistentA1, consistentValue);
    setCell(wb, '6A (bản lưu)', consistentA1, consistentValue);
    rewriteLog(wb, new Map([[typo.wrongSeq, typoForged], [Number(consistent[A.seq]), String(consistentValue)]]));
  });
  s.forgetLayouts();

  const lines = verifyAs(s, PRINCIPAL);
  // The re-sealed chain alone cannot tell.
  expect(lines[0]).toBe(AUDIT_TEXT.ok(n));
  // Every differing cell, by A1, student, subject, column, the log's value and the book's.
  const named = forged.map((f) => {
    const logged = rowsOf(f.code, f.key).filter((r) => r[A.outcome] === OUTCOME.accepted).at(-1);
    const log = logged ? `nhật ký ghi "${logged[A.new]}" (dòng Số TT ${logged[A.seq]})` : 'nhật ký chưa từng ghi ô này';
    const book = `sổ có "${f.shadowOnly ? logged![A.new] : f.value}", bản lưu có "${f.value}"`;
    return `Ô ${f.a1} (${f.code}, ${f.subject}, ${f.column}) của trang "6A": ${log} nhưng ${book}.`;
  });
  expect(forged.filter((f) => rowsOf(f.code, f.key).length > 0)).toHaveLength(3); // the HK II cell alone was never logged
  // Averages computed again from the logged values: those of a student whose scores were rewritten
  // no longer agree with the book (unless the rewriter recomputed them too), and say so by name.
  const derived = lines.filter((l) => l.includes('tính lại từ các giá trị nhật ký ghi nhận'));
  const rewritten = new Set([...forged.map((f) => f.code), String(consistent[A.student])]);
  for (const line of derived) expect([...rewritten].some((code) => line.includes(`(${code}, `))).toBe(true);
  const start = lines.indexOf(REPLAY_TEXT.mismatches(forged.length + derived.length));
  expect(start).toBeGreaterThan(0);
  const listed = lines.slice(start + 1, start + 1 + forged.length + derived.length);
  expect(listed.filter((l) => !derived.includes(l)).sort()).toEqual([...named].sort());
  // The first bad row: the correction that no longer follows on from the rewritten row.
  expect(lines).toContain(REPLAY_TEXT.conflicts(1, typo.rightSeq));
  expect(lines).toContain(
    `Dòng Số TT ${typo.rightSeq} (ô ${typo.a1} của trang "6A", ${typo.code}, ${SUBJECT_NAMES[typo.key.split('|')[1]]}, HK I · ${typo.key.split('|')[3]}) ghi giá trị cũ "${typo.wrong}" nhưng dòng Số TT ${typo.wrongSeq} đã ghi "${typoForged}": có thay đổi không được ghi vào nhật ký, hoặc nhật ký đã bị sửa.`,
  );
  // The consistent rewrite of the score itself is invisible to the replay (only its averages may tell) …
  expect(lines.join('\n')).not.toContain(`Ô ${consistentA1} `);
  expect(w.value(consistentA1)).toBe(consistentValue);
  // … but not to the checkpoint the principal took in week 8: the log changed at or before it, and no new checkpoint is taken.
  expect(lines.slice(-2)).toEqual([
    CHECKPOINT_TEXT.summary(0, principalCheckpoint),
    expect.stringMatching(new RegExp(`^Mốc số TT ${principalCheckpoint} \\(ghi nhận lúc .+\\): dòng số TT ${principalCheckpoint} nay mang mã băm [0-9a-f]{12}… thay vì [0-9a-f]{12}…, nên nhật ký đã bị viết lại ở một dòng từ số TT 1 đến số TT ${principalCheckpoint}\\.$`)),
  ]);
  // The teacher's two checkpoints narrow it down: after the first, at or before the second.
  const teacher = checkMyCheckpoints(w.env(VAN_6A));
  expect(teacher[0]).toBe(CHECKPOINT_TEXT.summary(teacherFirst, teacherLast));
  expect(teacher).toHaveLength(2);
}, 120_000);
