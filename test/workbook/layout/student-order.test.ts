import fc from 'fast-check';
import { fallbackVietnameseCompare, orderStudents, splitName, vietnameseCompare, type NamedStudent } from '../../../src/server/workbook/layout';
import { arbName } from './fixtures';

const s = (code: string, name: string): NamedStudent => ({ code, name });

describe('Vietnamese class-list order', () => {
  it('has Vietnamese collation in this runtime (Intl.Collator("vi"))', () => {
    expect(Intl.Collator.supportedLocalesOf(['vi'])).toEqual(['vi']);
  });

  it('orders by given name with Ă, Â after A and Đ after D, tones only breaking ties', () => {
    const given = ['Đức', 'Dũng', 'Dung', 'Ân', 'Ăn', 'Ánh', 'Anh', 'An', 'Bình', 'Ơn', 'Ôn', 'Oanh', 'Ư', 'Uyên', 'Ảnh'];
    const ordered = orderStudents(given.map((g, i) => s(`C${i}`, `Nguyễn Văn ${g}`))).map((x) => splitName(x.name).given);
    expect(ordered).toEqual(['An', 'Anh', 'Ảnh', 'Ánh', 'Ăn', 'Ân', 'Bình', 'Dung', 'Dũng', 'Đức', 'Oanh', 'Ôn', 'Ơn', 'Uyên', 'Ư']);
  });

  it('orders equal given names by the rest of the name, then by mã học sinh', () => {
    const list = [s('HS3', 'Nguyễn Văn An'), s('HS2', 'Lê Thị An'), s('HS9', 'Đặng Văn An'), s('HS1', 'Nguyễn Văn An'), s('HS5', 'Đào An')];
    expect(orderStudents(list).map((x) => x.code)).toEqual(['HS5', 'HS9', 'HS2', 'HS1', 'HS3']) // Đào < Đặng (a < ă) < Lê < Nguyễn;
  });

  it('ignores extra spaces and leaves the input array alone', () => {
    expect(splitName('  Nguyễn   Thị  Thu   Hà ')).toEqual({ given: 'Hà', rest: 'Nguyễn Thị Thu' });
    const input = [s('B', 'Trần Bình'), s('A', 'Lê An')];
    orderStudents(input);
    expect(input.map((x) => x.code)).toEqual(['B', 'A']);
  });

  it('sorts composed and decomposed spellings of a name alike', () => {
    const decomposed = 'Nguyễn Văn Đức'.normalize('NFD');
    const list = [s('X1', decomposed), s('X0', 'Nguyễn Văn Dũng')];
    expect(orderStudents(list).map((x) => x.code)).toEqual(['X0', 'X1']);
  });

  it('has a fallback comparison that agrees with the runtime collation', () => {
    fc.assert(
      fc.property(fc.array(arbName, { maxLength: 25 }), (names) => {
        const students = names.map((name, i) => s(`HS${String(i).padStart(2, '0')}`, name));
        expect(orderStudents(students, fallbackVietnameseCompare)).toEqual(orderStudents(students, vietnameseCompare));
      }),
    );
    const words = ['Ạnh', 'Anh', 'Ảnh', 'Ãnh', 'Ành', 'Ánh', 'Dương', 'Đào', 'Dao', 'Yến', 'Ý'];
    expect([...words].sort(fallbackVietnameseCompare)).toEqual([...words].sort(vietnameseCompare));
  });
});
