import { newWorkbookData, type WorkbookData } from '../../../src/local/sheets/model';
import {
  createPropertiesService,
  PROPERTY_QUOTA_MESSAGE,
  UserPropertyStores,
  type PropertiesServiceDeps,
} from '../../../src/local/services/properties';
import { ADMIN, basics, DOC, TEACHER } from './helpers';

function setup(ctxOverrides = {}) {
  const workbook = newWorkbookData(DOC, 'Sổ điểm', ADMIN);
  const books = new Map<string, WorkbookData>([[DOC, workbook]]);
  const shared = { scriptProps: {} as Record<string, string>, userProps: new UserPropertyStores() };
  const make = (overrides = ctxOverrides): PropertiesServiceDeps => ({
    ...basics(overrides),
    findWorkbook: (id) => books.get(id),
    ...shared,
  });
  return { workbook, shared, make };
}

describe('PropertiesService', () => {
  test('document properties live in the workbook data and persist across executions', () => {
    const { workbook, make } = setup();
    createPropertiesService(make()).getDocumentProperties()!.setProperty('window', 'HK1');
    expect(workbook.documentProperties).toEqual({ window: 'HK1' });
    expect(createPropertiesService(make()).getDocumentProperties()!.getProperty('window')).toBe('HK1');
  });

  test('getDocumentProperties() is null without an active document', () => {
    const { make } = setup();
    expect(createPropertiesService(make({ documentId: undefined })).getDocumentProperties()).toBeNull();
  });

  test('values are stored as strings and missing keys read as null', () => {
    const { make } = setup();
    const props = createPropertiesService(make()).getScriptProperties();
    props.setProperty('n', 42 as unknown as string);
    expect(props.getProperty('n')).toBe('42');
    expect(props.getProperty('absent')).toBeNull();
  });

  test('a value over 9 KB (counted in UTF-8 bytes) is refused and nothing is stored', () => {
    const { make } = setup();
    const props = createPropertiesService(make()).getScriptProperties();
    props.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    // 3073 Vietnamese letters of 3 bytes each: under 9216 characters but over 9 KB.
    expect(() => props.setProperty('viet', 'ế'.repeat(3073))).toThrow('Argument too large: value');
    expect(props.getKeys()).toEqual(['ok']);
  });

  test('a store over 500 KB throws the quota error and keeps its content', () => {
    const { make } = setup();
    const props = createPropertiesService(make()).getUserProperties();
    let n = 0;
    expect(() => {
      for (;;) props.setProperty(`k${n++}`, 'y'.repeat(9000));
    }).toThrow(PROPERTY_QUOTA_MESSAGE);
    // 56 values of ~9 KB fit in 500 KB; the 57th does not.
    expect(n).toBe(57);
    expect(props.getKeys()).toHaveLength(56);
    // Overwriting counts the new size only: shrinking a value makes room again.
    props.setProperty('k0', 'small');
    props.setProperty('extra', 'y'.repeat(8000));
    expect(props.getProperty('extra')).toHaveLength(8000);
  });

  test('setProperties is all-or-nothing and can delete the others', () => {
    const { make } = setup();
    const props = createPropertiesService(make()).getScriptProperties();
    props.setProperties({ a: '1', b: '2' });
    expect(() => props.setProperties({ c: '3', d: 'x'.repeat(10000) })).toThrow('Argument too large: value');
    expect(props.getProperties()).toEqual({ a: '1', b: '2' });
    props.setProperties({ z: '26' }, true);
    expect(props.getProperties()).toEqual({ z: '26' });
  });

  test('getProperties returns a copy, not a live view', () => {
    const { make } = setup();
    const props = createPropertiesService(make()).getScriptProperties();
    props.setProperty('a', '1');
    const copy = props.getProperties();
    copy.a = 'changed';
    expect(props.getProperty('a')).toBe('1');
  });

  test('user properties belong to the effective user', () => {
    const { make } = setup();
    createPropertiesService(make({ effectiveUser: TEACHER })).getUserProperties().setProperty('units', 'tenths');
    expect(createPropertiesService(make({ effectiveUser: ADMIN })).getUserProperties().getProperty('units')).toBeNull();
    expect(createPropertiesService(make({ effectiveUser: TEACHER })).getUserProperties().getProperty('units')).toBe('tenths');
  });

  test('deleteProperty and deleteAllProperties', () => {
    const { make } = setup();
    const props = createPropertiesService(make()).getDocumentProperties()!;
    props.setProperties({ a: '1', b: '2', c: '3' });
    props.deleteProperty('b');
    expect(props.getKeys().sort()).toEqual(['a', 'c']);
    props.deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  test('no store is available in AuthMode.NONE; LIMITED may use them', () => {
    const { make } = setup();
    const none = createPropertiesService(make({ authMode: 'NONE' }));
    expect(() => none.getDocumentProperties()).toThrow('You do not have permission to call PropertiesService.getDocumentProperties');
    expect(() => none.getScriptProperties()).toThrow('You do not have permission');
    expect(createPropertiesService(make({ authMode: 'LIMITED' })).getDocumentProperties()).not.toBeNull();
  });

  test('every call is recorded in the call log', () => {
    const { make } = setup();
    const deps = make();
    const props = createPropertiesService(deps).getDocumentProperties()!;
    props.setProperty('a', '1');
    props.getProperty('a');
    expect(deps.calls.snapshot()).toEqual({
      'Properties.getProperty': 1,
      'Properties.setProperty': 1,
      'PropertiesService.getDocumentProperties': 1,
    });
  });
});
