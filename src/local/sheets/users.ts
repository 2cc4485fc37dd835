/** Base.User objects handed out by the Spreadsheet service. */
import type { UserPort } from '../../server/gas/ports';
import { withStubs } from '../unimplemented';

// No toString on purpose: code must call getEmail(), which is what works on Google.
export function localUser(email: string): UserPort {
  return withStubs('User', { getEmail: () => email });
}
