/**
 * Vai trò as the admin writes them in "Người dùng": Vietnamese labels, with or without
 * diacritics, any case, plus the abbreviations the school plans use (QTHT, TTCM, GVBM).
 */
import * as z from 'zod/mini';
import type { Role } from '../../domain/school/model';
import type { CellValue } from '../../gas/ports';
import { cellText, foldKey, splitList } from './text';

/** Canonical order; also the order roles are kept in the model. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: 'Quản trị',
  principal: 'Hiệu trưởng',
  'vice-principal': 'Phó hiệu trưởng',
  'department-head': 'Tổ trưởng chuyên môn',
  teacher: 'Giáo viên',
  office: 'Văn phòng',
};

const ROLE_ORDER = Object.keys(ROLE_LABELS) as Role[];

const ROLE_ALIASES: Record<Role, string[]> = {
  admin: ['quan tri', 'quan tri he thong', 'qtht', 'admin'],
  principal: ['hieu truong', 'ht'],
  'vice-principal': ['pho hieu truong', 'pht'],
  'department-head': ['to truong chuyen mon', 'to truong', 'ttcm'],
  teacher: ['giao vien', 'giao vien bo mon', 'gvbm', 'gv'],
  office: ['van phong', 'nhan vien van phong', 'nv van phong', 'nhan vien'],
};

const BY_ALIAS = new Map<string, Role>(ROLE_ORDER.flatMap((role) => ROLE_ALIASES[role].map((alias) => [alias, role] as [string, Role])));

/** Homeroom is not a role: it comes from the GVCN column of "Lớp". */
const HOMEROOM_ALIASES = new Set(['giao vien chu nhiem', 'gvcn', 'chu nhiem']);

export function roleLabels(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_LABELS[role]).join(', ');
}

const allowed = ROLE_ORDER.map((role) => ROLE_LABELS[role]).join(', ');

/** The "Vai trò" cell: one or more roles; deduplicated and in canonical order. */
export const rolesCell = z.pipe(z.unknown(), z.transform((v, ctx): Role[] => {
  const parts = splitList(cellText(v as CellValue));
  if (parts.length === 0) {
    ctx.issues.push({ code: 'custom', input: v, message: `chưa có vai trò. Hãy ghi một hoặc nhiều vai trò: ${allowed}.` });
    return z.NEVER;
  }
  const roles = new Set<Role>();
  let failed = false;
  for (const part of parts) {
    const folded = foldKey(part);
    const role = BY_ALIAS.get(folded);
    if (role) {
      roles.add(role);
      continue;
    }
    failed = true;
    const message = HOMEROOM_ALIASES.has(folded)
      ? `"${part}" không phải là vai trò: giáo viên chủ nhiệm được ghi ở cột "GVCN" của trang "Lớp" (người đó cần vai trò "Giáo viên").`
      : `không có vai trò "${part}". Các vai trò hợp lệ: ${allowed}.`;
    ctx.issues.push({ code: 'custom', input: v, message });
  }
  return failed ? z.NEVER : ROLE_ORDER.filter((role) => roles.has(role));
}));
