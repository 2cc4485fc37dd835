import { Charset, createUtilities, DigestAlgorithm, SLEEP_MAX_MS } from '../../../src/local/services/utilities';
import { basics, signedFromHex } from './helpers';

const HCM = 'Asia/Ho_Chi_Minh';
const u = () => createUtilities(basics());

describe('Utilities.formatDate (Java SimpleDateFormat)', () => {
  const d = new Date('2026-09-05T01:02:03.004Z');

  test('numeric fields in Asia/Ho_Chi_Minh (UTC+7)', () => {
    expect(u().formatDate(d, HCM, 'yyyy-MM-dd HH:mm:ss.SSS')).toBe('2026-09-05 08:02:03.004');
    expect(u().formatDate(d, HCM, 'dd/MM/yy')).toBe('05/09/26');
    expect(u().formatDate(d, HCM, 'd/M/yyyy H:m:s')).toBe('5/9/2026 8:2:3');
    expect(u().formatDate(d, HCM, 'D')).toBe('248');
  });

  test('names, AM/PM, quoted literals and zone fields', () => {
    expect(u().formatDate(d, HCM, 'EEE, d MMM yyyy')).toBe('Sat, 5 Sep 2026');
    expect(u().formatDate(d, HCM, 'EEEE d MMMM')).toBe('Saturday 5 September');
    expect(u().formatDate(d, HCM, 'h:mm a')).toBe('8:02 AM');
    expect(u().formatDate(d, HCM, "'ngày' d 'tháng' M")).toBe('ngày 5 tháng 9');
    expect(u().formatDate(d, HCM, "HH'h''' ''")).toBe("08h' '");
    expect(u().formatDate(d, HCM, 'Z')).toBe('+0700');
    expect(u().formatDate(d, HCM, 'XXX')).toBe('+07:00');
    expect(u().formatDate(d, HCM, 'X')).toBe('+07');
    expect(u().formatDate(d, HCM, 'z')).toBe('ICT');
    expect(u().formatDate(d, 'UTC', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2026-09-05T01:02:03Z');
  });

  test('the local date, not the UTC date, decides the day and year', () => {
    expect(u().formatDate(new Date('2026-12-31T18:30:00Z'), HCM, 'yyyy-MM-dd HH:mm')).toBe('2027-01-01 01:30');
  });

  test('daylight saving time in other zones, Java custom ids and unknown ids (GMT)', () => {
    expect(u().formatDate(new Date('2026-07-01T12:00:00Z'), 'America/New_York', 'HH:mm XXX')).toBe('08:00 -04:00');
    expect(u().formatDate(new Date('2026-01-15T12:00:00Z'), 'America/New_York', 'HH:mm XXX')).toBe('07:00 -05:00');
    expect(u().formatDate(d, 'GMT+7', 'HH:mm Z')).toBe('08:02 +0700');
    expect(u().formatDate(d, 'GMT-03:30', 'HH:mm Z')).toBe('21:32 -0330');
    expect(u().formatDate(d, 'Not/AZone', 'HH:mm')).toBe('01:02');
  });

  test('an illegal pattern letter throws like Java', () => {
    expect(() => u().formatDate(d, HCM, 'yyyy q')).toThrow("Illegal pattern character 'q'");
  });
});

describe('Utilities.computeDigest', () => {
  test('SHA-256 of known vectors, as signed bytes', () => {
    const abc = u().computeDigest(DigestAlgorithm.SHA_256, 'abc', Charset.UTF_8);
    expect(abc).toEqual(signedFromHex('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'));
    expect(abc[0]).toBe(-70);
    const empty = u().computeDigest(DigestAlgorithm.SHA_256, '', Charset.UTF_8);
    expect(empty).toEqual(signedFromHex('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'));
    expect(abc.every((b) => b >= -128 && b <= 127)).toBe(true);
  });

  test('strings are hashed as UTF-8 bytes; a byte array gives the same digest', () => {
    const text = 'Sổ Điểm';
    const fromString = u().computeDigest(DigestAlgorithm.SHA_256, text, Charset.UTF_8);
    const bytes = u().newBlob(text).getBytes();
    expect(u().computeDigest(DigestAlgorithm.SHA_256, bytes)).toEqual(fromString);
    expect(fromString).not.toEqual(u().computeDigest(DigestAlgorithm.SHA_256, 'So Diem', Charset.UTF_8));
  });

  test('MD5 and SHA-1 known vectors', () => {
    expect(u().computeDigest(DigestAlgorithm.MD5, 'abc')).toEqual(signedFromHex('900150983cd24fb0d6963f7d28e17f72'));
    expect(u().computeDigest(DigestAlgorithm.SHA_1, 'abc')).toEqual(signedFromHex('a9993e364706816aba3e25717850c26c9cd0d89d'));
  });
});

describe('Utilities blobs, uuid, sleep', () => {
  test('newBlob gives signed bytes and reads back as text', () => {
    const blob = u().newBlob('é', 'text/plain', 'a.txt');
    expect(blob.getBytes()).toEqual([-61, -87]);
    expect(blob.getDataAsString()).toBe('é');
    expect(blob.getName()).toBe('a.txt');
    expect(blob.getContentType()).toBe('text/plain');
    expect(u().newBlob([-61, -87]).getDataAsString()).toBe('é');
    expect(u().newBlob([0xc3, 0xa9]).getBytes()).toEqual([-61, -87]);
  });

  test('getAs keeps the same type; text to PDF is refused locally (HTML to PDF: pdf.test.ts)', () => {
    const html = u().newBlob('<p>x</p>', 'text/html', 'r.html');
    const copy = html.getAs('text/html');
    expect(copy).not.toBe(html);
    expect(copy.getDataAsString()).toBe('<p>x</p>');
    expect(() => u().newBlob('x', 'text/plain', 'r.txt').getAs('application/pdf')).toThrow('not supported by the local runtime');
    expect(() => u().newBlob('a,b', 'text/csv').getAs('image/png')).toThrow(
      'Converting from text/csv to image/png is not supported.',
    );
  });

  test('getUuid gives distinct version-4 UUIDs', () => {
    const a = u().getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(u().getUuid()).not.toBe(a);
  });

  test('sleep advances the virtual clock instead of blocking, up to 5 minutes', () => {
    const deps = basics();
    const utilities = createUtilities(deps);
    const before = deps.clock.nowMs();
    utilities.sleep(1500);
    expect(deps.clock.nowMs() - before).toBe(1500);
    expect(() => utilities.sleep(SLEEP_MAX_MS + 1)).toThrow();
    expect(deps.calls.count('Utilities.sleep')).toBe(2);
  });

  test('enums are singletons with names', () => {
    expect(createUtilities(basics()).DigestAlgorithm.SHA_256).toBe(u().DigestAlgorithm.SHA_256);
    expect(String(Charset.UTF_8)).toBe('UTF_8');
  });
});
