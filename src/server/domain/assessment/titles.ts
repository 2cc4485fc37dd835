/** Titles (danh hiệu): TT22 Điều 15 (§7.1); TT58 Giỏi / Tiên tiến (§8.5). Year results before summer. */
import { type ClassifiedSubject, scoredOf } from './classified';
import type { Regime } from './regime';

export interface TitleDecision {
  title: string | null;
  reason: string;
}

export function tt22Title(learningYear: string, trainingYear: string, yearSubjects: ClassifiedSubject[]): TitleDecision {
  if (learningYear !== 'Tốt' || trainingYear !== 'Tốt') {
    return { title: null, reason: `Danh hiệu: không có vì cần rèn luyện Tốt và học tập Tốt cả năm (rèn luyện ${trainingYear}, học tập ${learningYear}) (Điều 15).` };
  }
  const nines = scoredOf(yearSubjects).filter((s) => s.value.tenths >= 90).length;
  if (nines >= 6) return { title: 'Xuất sắc', reason: `Danh hiệu Học sinh Xuất sắc: rèn luyện Tốt, học tập Tốt và ${nines} môn có ĐTBmcn từ 9,0 trở lên (Điều 15).` };
  return { title: 'Giỏi', reason: `Danh hiệu Học sinh Giỏi: rèn luyện Tốt, học tập Tốt; chỉ ${nines} môn có ĐTBmcn từ 9,0 (cần 6 để đạt Xuất sắc) (Điều 15).` };
}

/** TT58 [R]: Giỏi = hạnh kiểm Tốt + học lực Giỏi; Tiên tiến = hạnh kiểm ≥ Khá + học lực ≥ Khá. */
export function tt58Title(academicYear: string, conductYear: string): TitleDecision {
  const conductGood = conductYear === 'Tốt' || conductYear === 'Khá';
  const academicGood = academicYear === 'Giỏi' || academicYear === 'Khá';
  if (academicYear === 'Giỏi' && conductYear === 'Tốt') return { title: 'Giỏi', reason: 'Danh hiệu Học sinh Giỏi: hạnh kiểm Tốt, học lực Giỏi.' };
  if (conductGood && academicGood) return { title: 'Tiên tiến', reason: `Danh hiệu Học sinh Tiên tiến: hạnh kiểm ${conductYear}, học lực ${academicYear}.` };
  return { title: null, reason: `Danh hiệu: không có (hạnh kiểm ${conductYear}, học lực ${academicYear}).` };
}

export function titleFor(regime: Regime, learningYear: string, trainingYear: string, yearSubjects: ClassifiedSubject[]): TitleDecision {
  return regime === 'TT22' ? tt22Title(learningYear, trainingYear, yearSubjects) : tt58Title(learningYear, trainingYear);
}
