/**
 * The confirmation a roster import asks for when students would leave their class: who leaves,
 * with which status and date, and what the admin types to go ahead (the number of leavers, so a
 * two-student file cannot take a whole class out by one click on OK).
 */
import * as z from 'zod/mini';
import type { Env } from '../gas/env';
import { LEAVE_LABEL, type RosterChange } from '../domain/roster';
import { IMPORT_SHEET } from './setup';

/** Asks the admin; returns what they typed, or null when they cancelled. */
export type Confirm = (question: string) => string | null;

const SHOWN = 40;

const viDay = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export const DEPARTURE_TEXT = {
  cancelled: 'Đã huỷ: chưa nhập danh sách; danh sách học sinh hiện có không thay đổi.',
  wrongAnswer: (typed: string, count: number) =>
    `Đã gõ "${typed}", không phải ${count} (số học sinh rời lớp): chưa nhập danh sách; danh sách học sinh hiện có không thay đổi.`,
  left: (count: number) => `${count} học sinh rời lớp được giữ lại (tô xám, khoá) cùng điểm đã nhập đến hết năm học; tình trạng ghi ở trang "Danh sách học sinh".`,
  returned: (count: number) => `${count} học sinh trở lại lớp; hàng và điểm cũ của các em được giữ nguyên.`,
  moved: (name: string, code: string, from: string, to: string, day: string) =>
    `${name} (${code}) chuyển từ lớp ${from} sang lớp ${to} từ ${day}: điểm đã nhập ở lớp ${from} ở lại sổ lớp ${from} (hàng tô xám), sổ lớp ${to} bắt đầu trống.`,
} as const;

export function describeDeparture(d: RosterChange['leaving'][number]): string {
  const s = d.student;
  const leave = s.leave!;
  const what = leave.status === 'chuyển lớp' && d.toClass ? `Chuyển lớp sang ${d.toClass}` : LEAVE_LABEL[leave.status];
  return `- Lớp ${s.classCode}: ${s.name} (${s.code}) — ${what} từ ${viDay(leave.date)}`;
}

export function departureQuestion(change: RosterChange): string {
  const count = change.leaving.length;
  const lines = [
    `Danh sách mới không còn ${count} học sinh đang học ở lớp của các em (thiếu trong tệp hoặc ở lớp khác).`,
    'Các em KHÔNG bị xoá: hàng và điểm được giữ trong sổ điểm lớp cũ (tô xám, khoá) đến hết năm học, với tình trạng và ngày sau:',
    ...change.leaving.slice(0, SHOWN).map(describeDeparture),
  ];
  if (count > SHOWN) lines.push(`… và ${count - SHOWN} học sinh khác.`);
  lines.push(
    `Học sinh thôi học, hoặc rời lớp vào ngày khác: thêm dòng của em đó vào trang "${IMPORT_SHEET}" với cột "Tình trạng" (Chuyển đi, Thôi học) và "Từ ngày", rồi nhập lại.`,
    `Gõ ${count} rồi bấm OK để xác nhận; bấm Cancel để không thay đổi gì.`,
  );
  return lines.join('\n');
}

/** The answer a question expects (the CLI's --yes gives it). */
export function expectedAnswer(question: string): string | null {
  return /Gõ (\d+) rồi bấm OK/.exec(question)?.[1] ?? null;
}

const Answer = z.string().check(z.trim());

/** null when confirmed, else why nothing was written. */
export function checkAnswer(answer: string | null, count: number): string | null {
  if (answer === null) return DEPARTURE_TEXT.cancelled;
  const typed = Answer.parse(answer);
  return typed === String(count) ? null : DEPARTURE_TEXT.wrongAnswer(typed, count);
}

/** The menu's confirmation: a prompt (Cancel, or closing it, changes nothing). */
export function promptConfirm(env: Env): Confirm {
  return (question) => {
    const response = env.spreadsheetApp.getUi().prompt(question);
    return String(response.getSelectedButton()) === 'OK' ? response.getResponseText() : null;
  };
}
