/**
 * Apps Script enum members are opaque objects whose toString() is their name
 * (`String(SpreadsheetApp.ProtectionType.SHEET) === 'SHEET'`); code compares them by identity.
 */
export interface GasEnumValue {
  readonly enumName: string;
  readonly name: string;
  toString(): string;
  toJSON(): string;
}

export function gasEnum(enumName: string, name: string): GasEnumValue {
  return Object.freeze({
    enumName,
    name,
    toString: () => name,
    toJSON: () => name,
  });
}

export const ProtectionType = {
  RANGE: gasEnum('ProtectionType', 'RANGE'),
  SHEET: gasEnum('ProtectionType', 'SHEET'),
};

export const Button = {
  OK: gasEnum('Button', 'OK'),
  CANCEL: gasEnum('Button', 'CANCEL'),
  YES: gasEnum('Button', 'YES'),
  NO: gasEnum('Button', 'NO'),
  CLOSE: gasEnum('Button', 'CLOSE'),
};
