/** The tabs of one class. The grade book tab is named by the class code itself ("6A"). */
export function classBookSheetName(classCode: string): string {
  return classCode;
}

export function profileSheetName(classCode: string): string {
  return `${classCode} – Lý lịch`;
}

export function attendanceSheetName(classCode: string): string {
  return `${classCode} – Chuyên cần`;
}

/** Hidden, admin-only copy of the grade book's last accepted values. */
export function shadowSheetName(classCode: string): string {
  return `${classCode} (bản lưu)`;
}

/** "NĂM HỌC 2026-2027" style label of a school year given by its first calendar year. */
export function schoolYearLabel(schoolYear: number): string {
  return `${schoolYear}-${schoolYear + 1}`;
}

/** The summer tab: re-test results (kiểm tra lại) and the summer training result (rèn luyện hè). */
export function summerSheetName(classCode: string): string {
  return `${classCode} – Hè`;
}
