/**
 * Property: however the export orders its rows and columns and whichever accepted header
 * variant (any case, with or without diacritics, extra spaces) and value form it uses, the
 * roster reads to the same students.
 */
import fc from 'fast-check';
import type { CellValue } from '../../../src/server/gas/ports';
import { HEADER_VARIANTS, parseRoster } from '../../../src/server/domain/roster';
import type { Student } from '../../../src/server/domain/school/model';
import { CLASSES, hcmMidnight } from './support';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Đặng', 'Hoàng', 'Lò'];
const MIDDLE = ['Văn', 'Thị', 'Ngọc', 'Đức', 'Thu', 'Hữu Minh'];
const GIVEN = ['An', 'Bình', 'Hà', 'Yến', 'Đạt', 'Ánh'];
const PLACES = ['', 'Hải Dương', 'Tiên Lãng, Hải Phòng', 'Mường Tè, "Lai Châu"'];

const studentArb: fc.Arbitrary<Omit<Student, 'code'>> = fc
  .record({
    name: fc.tuple(fc.constantFrom(...FAMILY), fc.constantFrom(...MIDDLE), fc.constantFrom(...GIVEN)).map((p) => p.join(' ')),
    year: fc.integer({ min: 2008, max: 2016 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    sex: fc.constantFrom<Student['sex']>('Nam', 'Nữ'),
    classCode: fc.constantFrom(...CLASSES),
    ethnicity: fc.constantFrom('Kinh', 'Tày', 'Thái', ''),
    birthPlace: fc.constantFrom(...PLACES),
    province: fc.option(fc.integer({ min: 1, max: 96 }), { nil: null }),
    tail: fc.integer({ min: 0, max: 999999 }),
  })
  .map((r) => ({
    name: r.name,
    birthDate: `${r.year}-${String(r.month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`,
    sex: r.sex,
    classCode: r.classCode,
    ethnicity: r.ethnicity,
    birthPlace: r.birthPlace,
    personalId:
      r.province === null
        ? null
        : `${String(r.province).padStart(3, '0')}${r.sex === 'Nữ' ? 3 : 2}${String(r.year % 100).padStart(2, '0')}${String(r.tail).padStart(6, '0')}`,
  }));

const rosterArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 99999 }), { minLength: 1, maxLength: 25 })
  .chain((codes) => fc.tuple(...codes.map(() => studentArb)).map((rest) => rest.map((s, i): Student => ({ code: `HS${codes[i]}`, ...s }))))
  // Personal IDs are unique on a valid roster (a repeated one is an input error, tested elsewhere).
  .map((students) => {
    const seen = new Set<string>();
    return students.map((s) => {
      if (s.personalId === null || !seen.has(s.personalId)) {
        if (s.personalId !== null) seen.add(s.personalId);
        return s;
      }
      return { ...s, personalId: null };
    });
  });

/** How a header is spelled: as listed, upper, lower, without diacritics, with stray spaces/newlines. */
const spellingArb = fc.constantFrom<(h: string) => string>(
  (h) => h,
  (h) => h.toUpperCase(),
  (h) => h.toLowerCase(),
  (h) => h.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D'),
  (h) => ` ${h.replace(/ /g, '  ')} `,
  (h) => h.replace(/ /, '\n'),
);
const variantArb = (field: keyof typeof HEADER_VARIANTS) =>
  fc.tuple(fc.constantFrom(...HEADER_VARIANTS[field]), spellingArb).map(([v, spell]) => spell(v));

type Column = { header: string; value: (s: Student) => CellValue };

const dateForms: ((y: number, m: number, d: number) => CellValue)[] = [
  (y, m, d) => hcmMidnight(y, m, d),
  (y, m, d) => `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`,
  (y, m, d) => `${d}/${m}/${y}`,
  (y, m, d) => `${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}-${y}`,
  (y, m, d) => `${d}.${m}.${y}`,
];

const columnsArb: fc.Arbitrary<Column[]> = fc
  .record({
    code: variantArb('code'),
    name: fc.oneof(
      variantArb('fullName').map((h): Column[] => [{ header: h, value: (s) => s.name }]),
      fc.tuple(variantArb('familyName'), variantArb('givenName')).map(([f, g]): Column[] => [
        { header: f, value: (s) => s.name.slice(0, s.name.lastIndexOf(' ')) },
        { header: g, value: (s) => s.name.slice(s.name.lastIndexOf(' ') + 1) },
      ]),
    ),
    birth: fc.tuple(variantArb('birthDate'), fc.constantFrom(...dateForms)),
    sex: fc.oneof(
      variantArb('sex').map((h): Column => ({ header: h, value: (s) => s.sex })),
      variantArb('female').map((h): Column => ({ header: h, value: (s) => (s.sex === 'Nữ' ? 'x' : '') })),
    ),
    classCode: variantArb('classCode'),
    ethnicity: variantArb('ethnicity'),
    birthPlace: variantArb('birthPlace'),
    personalId: fc.tuple(variantArb('personalId'), fc.boolean()),
  })
  .map((h): Column[] => [
    { header: 'STT', value: () => '' },
    { header: h.code, value: (s) => s.code },
    ...h.name,
    {
      header: h.birth[0],
      value: (s) => h.birth[1](...(s.birthDate.split('-').map(Number) as [number, number, number])),
    },
    h.sex,
    { header: h.classCode, value: (s) => s.classCode },
    { header: h.ethnicity, value: (s) => s.ethnicity },
    { header: h.birthPlace, value: (s) => s.birthPlace },
    // as text, or as a number that lost its leading zeros
    { header: h.personalId[0], value: (s) => (s.personalId === null ? '' : h.personalId[1] ? Number(s.personalId) : s.personalId) },
  ])
  .chain((cols) => fc.shuffledSubarray(cols, { minLength: cols.length, maxLength: cols.length }));

const byCode = (a: Student, b: Student) => a.code.localeCompare(b.code);

describe('roster properties', () => {
  it('row order, column order, header variants and value forms do not change the students', () => {
    fc.assert(
      fc.property(
        rosterArb,
        columnsArb,
        fc.integer({ min: 0, max: 4 }),
        fc.func(fc.integer()),
        (students, columns, titleRows, order) => {
          const data = students.map((s) => columns.map((c) => c.value(s)));
          const shuffled = data
            .map((row, i) => ({ row, key: order(i) }))
            .sort((a, b) => a.key - b.key)
            .map((x) => x.row);
          const rows: CellValue[][] = [
            ...Array.from({ length: titleRows }, (_, i) => [i === 0 ? 'DANH SÁCH HỌC SINH' : '']),
            columns.map((c) => c.header),
            ...shuffled,
          ];
          const result = parseRoster(rows, { sheet: 'Danh sách' }, { classes: CLASSES });
          if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
          expect([...result.students].sort(byCode)).toEqual([...students].sort(byCode));
        },
      ),
      { numRuns: 300 },
    );
  });
});
