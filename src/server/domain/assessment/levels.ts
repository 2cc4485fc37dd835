/** Level vocabularies of the regimes, ordered worst → best so that rank comparisons read naturally. */

/** TT22 learning and training levels (kết quả học tập / rèn luyện). */
export const TT22_LEVELS = ['Chưa đạt', 'Đạt', 'Khá', 'Tốt'] as const;
export type Tt22Level = (typeof TT22_LEVELS)[number];

/** TT58/TT26 học lực. */
export const TT58_ACADEMIC_LEVELS = ['Kém', 'Yếu', 'Trung bình', 'Khá', 'Giỏi'] as const;
export type Tt58AcademicLevel = (typeof TT58_ACADEMIC_LEVELS)[number];

/** TT58/TT26 hạnh kiểm. */
export const TT58_CONDUCT_LEVELS = ['Yếu', 'Trung bình', 'Khá', 'Tốt'] as const;
export type Tt58ConductLevel = (typeof TT58_CONDUCT_LEVELS)[number];

/** Comment-subject marks: Đạt / Chưa đạt. */
export type Mark = 'Đ' | 'CĐ';

export function rankOf<L extends string>(scale: readonly L[], level: L): number {
  const index = scale.indexOf(level);
  if (index < 0) throw new RangeError(`unknown level ${level}`);
  return index;
}

export function atLeast<L extends string>(scale: readonly L[], level: L, floor: L): boolean {
  return rankOf(scale, level) >= rankOf(scale, floor);
}

export function markName(mark: Mark): string {
  return mark === 'Đ' ? 'Đạt' : 'Chưa đạt';
}
