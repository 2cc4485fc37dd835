import { correctionCounts, semesterOfColumn } from '../../src/server/domain/corrections/counts';
import type { AuditEntry } from '../../src/server/domain/audit/entry';

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  seq: 1, time: '', actor: 'gv.toan@x.vn', effectiveUser: 'qt@x.vn', sheet: '6A', cell: 'X6', studentCode: 'HS1', subjectCode: 'TOAN',
  column: 'HK I · CK', oldValue: '5', newValue: '6', outcome: 'correction', reason: '', reference: 'SĐ-1', prevHash: '', hash: '', ...over,
});

test('corrections are counted per teacher, per student and subject, per subject and semester; other rows are not', () => {
  const counts = correctionCounts([
    entry({}),
    entry({ reference: 'SĐ-2', column: 'HK II · GK' }),
    entry({ reference: 'SĐ-3', studentCode: 'HS2', actor: 'gv.van@x.vn', subjectCode: 'VAN' }),
    entry({ reference: 'SĐ-4', sheet: '6B' }),
    entry({ outcome: 'accepted', reference: '' }),
    entry({ outcome: 'request', reference: 'SĐ-5' }),
  ]);
  expect(counts.total).toBe(4);
  expect(counts.byTeacher['gv.toan@x.vn']).toEqual({ count: 3, references: ['SĐ-1', 'SĐ-2', 'SĐ-4'] });
  expect(counts.byStudentSubject['6A|HS1|TOAN'].count).toBe(2);
  expect(counts.bySubjectSemester['6A|TOAN|HK I'].count).toBe(1);
  expect(counts.bySubjectSemester['6A|TOAN|HK II'].count).toBe(1);
  expect(correctionCounts([entry({}), entry({ sheet: '6B' })], '6B').total).toBe(1);
  expect(semesterOfColumn('Kiểm tra lại')).toBe('Hè');
});
