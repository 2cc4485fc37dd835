/** A class whose whole year is entered, for the classification and the documents built from it. */
import { guardedSchool, type GuardWorld } from './guard-world';
import { fillScores } from './class-scores';

export const TRAINING = ['Tốt', 'Khá', 'Tốt', 'Đạt', 'Tốt'];

/**
 * 6A with every score of the year entered and both semesters' conduct, written into the tab and
 * its shadow by script (setup then derives the averages). The log never saw those entries, so the
 * verification is asked only about what this feature writes: results, averages and log rows.
 */
export function yearOf6A(calendar: (string | number)[][] = [], driveRoot?: string, students = 5): GuardWorld {
  const w = guardedSchool({ students, calendar, driveRoot });
  fillScores(w, 7);
  const ss = w.env().spreadsheetApp.getActiveSpreadsheet();
  const keys = ss.getSheetByName('6A')!.getRange(5, 1, 1, ss.getSheetByName('6A')!.getMaxColumns()).getValues()[0];
  for (const sem of [1, 2]) {
    for (const name of ['6A', '6A (bản lưu)']) ss.getSheetByName(name)!.getRange(6, keys.indexOf(`R|${sem}|RL`) + 1, students, 1).setValues(Array.from({ length: students }, (_, i) => [TRAINING[i % TRAINING.length]]));
  }
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuSetup');
  return w;
}
