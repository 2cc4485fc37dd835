/** What the writer's refusal and the checkpoint checks say, in one place. */
import { formatVnDateTime } from '../calendar/time';

const AFTER =
  ' Sổ Điểm chưa ghi thêm gì: các thay đổi điểm vẫn nằm nguyên trên trang và sẽ được đối chiếu khi nhật ký được khôi phục. Hãy chạy “Kiểm tra nhật ký”.';

/** Why appendAudit refuses to continue the chain. */
export const TAIL_TEXT = {
  empty: (headSeq: number) => `Trang “Nhật ký” không còn dòng nào, nhưng Sổ Điểm đã ghi nhật ký đến số TT ${headSeq}.${AFTER}`,
  defaced: (row: number) => `Dòng cuối của trang “Nhật ký” (dòng ${row}) không đúng định dạng nhật ký.${AFTER}`,
  noHead: (row: number, seq: number) =>
    `Không đọc được dòng cuối Sổ Điểm đã ghi nhận, nên không biết dòng ${row} (số TT ${seq}) của trang “Nhật ký” có phải do Sổ Điểm ghi không.${AFTER}`,
  padded: (row: number, seq: number, headSeq: number) =>
    `Trang “Nhật ký” có dòng sau số TT ${headSeq}, dòng cuối Sổ Điểm đã ghi: dòng ${row} (số TT ${seq}) không do Sổ Điểm ghi.${AFTER}`,
  rewritten: (row: number, seq: number) =>
    `Dòng ${row} của trang “Nhật ký” (số TT ${seq}) mang mã băm khác với mã băm Sổ Điểm đã ghi nhận cho số TT ${seq}: nhật ký đã bị viết lại.${AFTER}`,
  cut: (row: number, seq: number, headSeq: number) =>
    `Trang “Nhật ký” chỉ còn đến số TT ${seq} (dòng ${row}), nhưng Sổ Điểm đã ghi nhật ký đến số TT ${headSeq}: các dòng cuối đã bị xoá.${AFTER}`,
} as const;

const short = (hash: string) => `${hash.slice(0, 12)}…`;
/** When a checkpoint was taken, as Việt Nam reads it (held as ISO). */
const when = (at: string | undefined) => {
  const ms = at ? Date.parse(at) : NaN;
  return Number.isNaN(ms) ? '' : ` (ghi nhận lúc ${formatVnDateTime(ms)})`;
};

/** The rows a divergence lies in: after the last checkpoint still held intact, up to `upTo`. */
function span(after: number, upTo: number): string {
  if (after + 1 >= upTo) return `tại dòng số TT ${upTo}`;
  return `ở một dòng từ số TT ${after + 1} đến số TT ${upTo}`;
}

export const CHECKPOINT_TEXT = {
  // A checkpoint handed over as text.
  shape: (text: string) =>
    `“${text}” không phải một mốc nhật ký Sổ Điểm: mốc có dạng sodiem-checkpoint:v1:<mã tệp>:<số TT>:<mã băm>.`,
  prefix: (value: string) => `Phần đầu “${value}” của mốc không phải “sodiem-checkpoint”: đây không phải một mốc nhật ký Sổ Điểm.`,
  version: (value: string) => `Phiên bản “${value}” của mốc không được hỗ trợ: Sổ Điểm chỉ đọc mốc phiên bản v1.`,
  book: (value: string) => `Mã tệp “${value}” của mốc không phải mã của một bảng tính Google.`,
  seq: (value: string) => `Số TT “${value}” của mốc không phải số nguyên dương.`,
  hash: (value: string) => `Mã băm “${value}” của mốc không phải 64 chữ số hệ mười sáu.`,
  otherBook: (book: string, here: string) => `Mốc này là của bảng tính khác (mã tệp “${book}”), không phải của tệp này (mã tệp “${here}”).`,
  // Checkpoints held in a person's user properties.
  unreadable: (field: string, value: string) =>
    `Các mốc nhật ký bạn lưu cho tệp này không đọc được (trường “${field}”, giá trị “${value}”), nên Sổ Điểm không dựa vào chúng.`,
  none: 'Bạn chưa lưu mốc nhật ký nào cho tệp này.',
  recorded: (seq: number) => `Đã lưu mốc mới vào tài khoản của bạn: nhật ký đến số TT ${seq}. Những lần kiểm tra sau sẽ đối chiếu nhật ký với mốc này.`,
  // Findings.
  intact: (count: number, latest: number) =>
    count === 1
      ? `Nhật ký vẫn đi qua mốc đã ghi nhận: dòng số TT ${latest} còn nguyên mã băm, nên mọi dòng đến số TT ${latest} vẫn như lúc ghi nhận.`
      : `Nhật ký vẫn đi qua cả ${count} mốc đã ghi nhận: mọi dòng đến số TT ${latest} vẫn như lúc ghi nhận.`,
  diverged: (seq: number, at: string | undefined, expected: string, found: string, after: number) =>
    `Mốc số TT ${seq}${when(at)}: dòng số TT ${seq} nay mang mã băm ${short(found)} thay vì ${short(expected)}, nên nhật ký đã bị viết lại ${span(after, seq)}.`,
  cut: (seq: number, at: string | undefined, headSeq: number) =>
    `Mốc số TT ${seq}${when(at)}: nhật ký nay chỉ còn đến số TT ${headSeq}, nên các dòng từ số TT ${headSeq + 1} đến số TT ${seq} đã bị cắt bỏ.`,
  missing: (seq: number, at: string | undefined, headSeq: number) =>
    `Mốc số TT ${seq}${when(at)}: không tìm thấy dòng số TT ${seq} trong trang “Nhật ký” hay các tệp lưu trữ, dù nhật ký dài đến số TT ${headSeq}.`,
  summary: (after: number, upTo: number) =>
    after > 0
      ? `Nhật ký không còn khớp với các mốc đã ghi nhận: nó đã bị thay đổi ${span(after, upTo)} (các dòng đến số TT ${after} vẫn như đã ghi nhận).`
      : `Nhật ký không còn khớp với các mốc đã ghi nhận: nó đã bị thay đổi ${span(0, upTo)}.`,
  // A witness's checkpoint: it cannot be told from a forged one, so both readings are given.
  witnessIntact: (seq: number) =>
    `Mốc khớp với nhật ký: dòng số TT ${seq} vẫn mang đúng mã băm của mốc, nên mọi dòng đến số TT ${seq} vẫn như lúc mốc được ghi.`,
  witnessDiverged: (seq: number, given: string, found: string) =>
    `Mốc không khớp với nhật ký: mốc ghi mã băm “${given}” cho số TT ${seq}, còn dòng số TT ${seq} của nhật ký mang mã băm “${found}”. Hoặc nhật ký đã bị viết lại ở một dòng từ số TT 1 đến số TT ${seq}, hoặc mốc này không phải do Sổ Điểm ghi ra: hãy đối chiếu với bản gốc của đơn vị giữ mốc.`,
  witnessCut: (seq: number, headSeq: number) =>
    `Mốc không khớp với nhật ký: mốc ghi số TT ${seq}, còn nhật ký nay chỉ dài đến số TT ${headSeq}. Hoặc các dòng từ số TT ${headSeq + 1} đến số TT ${seq} đã bị cắt bỏ, hoặc mốc này không phải do Sổ Điểm ghi ra: hãy đối chiếu với bản gốc của đơn vị giữ mốc.`,
  notText: 'Mốc nhật ký phải là một dòng văn bản có dạng sodiem-checkpoint:v1:<mã tệp>:<số TT>:<mã băm>.',
  notReady: (problem: string) => `Chưa đọc được cấu hình trường, nên chưa biết ai thuộc Ban giám hiệu: ${problem}`,
  // Who may check a witness's checkpoint.
  boardOnly: (caller: string) =>
    `Tài khoản ${caller} không thuộc Ban giám hiệu hay quản trị: chỉ họ mới kiểm tra được mốc nhật ký do đơn vị bên ngoài giữ.`,
} as const;
