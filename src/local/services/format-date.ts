/**
 * Utilities.formatDate: Java SimpleDateFormat patterns (English names, as Apps Script
 * prints them) in any time zone Java accepts.
 *
 * Supported letters: G y M L d H k K h m s S E u a D z Z X. Week-based letters
 * (Y w W F) throw a "not supported locally" error rather than print something wrong;
 * letters Java rejects throw "Illegal pattern character 'q'" as Java does.
 */
import { offsetMinutesAt, resolveZone, wallClockAt, type WallClock } from '../timezone';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Java's short and long names for the zones this project meets; others print as GMT±hh:mm. */
const ZONE_NAMES: Record<string, [string, string]> = {
  'Asia/Ho_Chi_Minh': ['ICT', 'Indochina Time'],
  'Asia/Saigon': ['ICT', 'Indochina Time'],
  'Asia/Bangkok': ['ICT', 'Indochina Time'],
  UTC: ['UTC', 'Coordinated Universal Time'],
  'Etc/UTC': ['UTC', 'Coordinated Universal Time'],
  GMT: ['GMT', 'Greenwich Mean Time'],
};

const pad = (n: number, width: number): string => String(Math.abs(n)).padStart(width, '0');

function offsetText(minutes: number, withColon: boolean, hoursOnly = false): string {
  const sign = minutes < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const m = pad(Math.abs(minutes) % 60, 2);
  if (hoursOnly) return `${sign}${h}`;
  return withColon ? `${sign}${h}:${m}` : `${sign}${h}${m}`;
}

function dayOfYear(w: WallClock): number {
  return Math.round((Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86400000) + 1;
}

function zoneName(zoneId: string, offset: number, long: boolean): string {
  const id = resolveZone(zoneId).id;
  const names = ZONE_NAMES[id];
  if (names) return long ? names[1] : names[0];
  return `GMT${offsetText(offset, true)}`;
}

function field(letter: string, count: number, w: WallClock, zoneId: string, offset: number): string {
  switch (letter) {
    case 'G':
      return w.year > 0 ? 'AD' : 'BC';
    case 'y': {
      const year = w.year > 0 ? w.year : 1 - w.year;
      return count === 2 ? pad(year % 100, 2) : pad(year, count);
    }
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[w.month - 1];
      if (count === 3) return MONTHS[w.month - 1].slice(0, 3);
      return pad(w.month, count);
    case 'd':
      return pad(w.day, count);
    case 'H':
      return pad(w.hour, count);
    case 'k':
      return pad(w.hour === 0 ? 24 : w.hour, count);
    case 'K':
      return pad(w.hour % 12, count);
    case 'h':
      return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, count);
    case 'm':
      return pad(w.minute, count);
    case 's':
      return pad(w.second, count);
    case 'S':
      return pad(w.millisecond, count);
    case 'E':
      return count >= 4 ? DAYS[w.weekday] : DAYS[w.weekday].slice(0, 3);
    case 'u':
      return pad(w.weekday === 0 ? 7 : w.weekday, count);
    case 'a':
      return w.hour < 12 ? 'AM' : 'PM';
    case 'D':
      return pad(dayOfYear(w), count);
    case 'z':
      return zoneName(zoneId, offset, count >= 4);
    case 'Z':
      return offsetText(offset, false);
    case 'X':
      if (count > 3) throw new Error('invalid ISO 8601 format: length=' + count);
      if (offset === 0) return 'Z';
      return offsetText(offset, count === 3, count === 1);
    case 'Y':
    case 'w':
    case 'W':
    case 'F':
      throw new Error(`Pattern letter '${letter}' is not supported by the local runtime`);
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new Error('Invalid argument: date');
  const w = wallClockAt(ms, timeZone);
  const offset = offsetMinutesAt(ms, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // Inside quotes, '' is one quote character.
      let j = i + 1;
      while (j < pattern.length) {
        if (pattern[j] === "'" && pattern[j + 1] === "'") {
          out += "'";
          j += 2;
        } else if (pattern[j] === "'") {
          break;
        } else {
          out += pattern[j++];
        }
      }
      if (j >= pattern.length) throw new Error('Unterminated quote');
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let count = 1;
      while (pattern[i + count] === ch) count++;
      out += field(ch, count, w, timeZone, offset);
      i += count;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
