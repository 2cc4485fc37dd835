/** Training result (kết quả rèn luyện, TT22 Điều 8) and TT58/TT26 hạnh kiểm for the year. */
import { TT22_LEVELS, TT58_CONDUCT_LEVELS, type Tt22Level, type Tt58ConductLevel } from './levels';

/** TT22 Điều 8 khoản 3 (§6.3): rows are HK II, columns HK I, both in the order Tốt, Khá, Đạt, Chưa đạt. */
const YEAR_TABLE: Record<Tt22Level, readonly [Tt22Level, Tt22Level, Tt22Level, Tt22Level]> = {
  Tốt: ['Tốt', 'Tốt', 'Khá', 'Khá'],
  Khá: ['Khá', 'Khá', 'Khá', 'Đạt'],
  Đạt: ['Khá', 'Đạt', 'Đạt', 'Đạt'],
  'Chưa đạt': ['Chưa đạt', 'Chưa đạt', 'Chưa đạt', 'Chưa đạt'],
};
const COLUMN: readonly Tt22Level[] = ['Tốt', 'Khá', 'Đạt', 'Chưa đạt'];

export function tt22TrainingYear(hk1: Tt22Level, hk2: Tt22Level): Tt22Level {
  return YEAR_TABLE[hk2][COLUMN.indexOf(hk1)];
}

export function isTt22Level(value: string): value is Tt22Level {
  return (TT22_LEVELS as readonly string[]).includes(value);
}

export function isTt58Conduct(value: string): value is Tt58ConductLevel {
  return (TT58_CONDUCT_LEVELS as readonly string[]).includes(value);
}
