/** The "Lịch nhập điểm" sheet as entry windows (domain: src/server/domain/calendar). */
export { parseCalendar, type CalendarParseResult } from './parse';
export { readCalendar } from './read';
export { dateTimeOfCell, parseDateTimeText, schoolYearBounds, type DateTimeReading, type Edge } from './date-time';
export { describeScope } from './scope';
