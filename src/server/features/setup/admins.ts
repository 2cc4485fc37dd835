/** Who may set up the school: the admin who installed Sổ Điểm (the owner) and users with the Quản trị role. */
import type { SchoolConfig } from '../../domain/school/model';
import type { Installation } from '../installation';

export function adminsOf(installation: Installation, config: SchoolConfig | null): string[] {
  const fromConfig = config?.users.filter((u) => u.roles.includes('admin')).map((u) => u.email) ?? [];
  return [...new Set([installation.admin, ...fromConfig].map((e) => e.toLowerCase()))];
}
