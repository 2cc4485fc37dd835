/** "Tiến độ nhập điểm": the entry progress report of the board and the department heads. */
export { entryProgress } from './entry-progress';
export { PROGRESS_HEADER, PROGRESS_SHEET, writeProgressSheet } from './sheet';
export { PROGRESS_TEXT } from './messages';
export { readBookCounts, type BookCounts, type SubjectCounts } from './book-counts';
