/**
 * Data validation: the builder and rule objects of SpreadsheetApp, stored per cell as a
 * plain ValidationRule. Rules are enforced on simulated UI edits only; script writes are
 * never checked (as in Apps Script).
 */
import type { DataValidationBuilderPort, DataValidationPort } from '../../server/gas/ports';
import type { CallLog } from '../core';
import type { StoredValue, ValidationRule } from './model';
import { gasEnum, type GasEnumValue } from './enums';

export const DataValidationCriteria = {
  NUMBER_BETWEEN: gasEnum('DataValidationCriteria', 'NUMBER_BETWEEN'),
  VALUE_IN_LIST: gasEnum('DataValidationCriteria', 'VALUE_IN_LIST'),
  CUSTOM_FORMULA: gasEnum('DataValidationCriteria', 'CUSTOM_FORMULA'),
};

const KIND_TO_CRITERIA: Record<ValidationRule['kind'], GasEnumValue> = {
  numberBetween: DataValidationCriteria.NUMBER_BETWEEN,
  valueInList: DataValidationCriteria.VALUE_IN_LIST,
  formula: DataValidationCriteria.CUSTOM_FORMULA,
};

function copyRule(rule: ValidationRule): ValidationRule {
  return { ...rule, values: [...rule.values] };
}

export class LocalDataValidation implements DataValidationPort {
  /** The stored rule; read by Range.setDataValidation(s). */
  readonly rule: ValidationRule;

  constructor(private readonly calls: CallLog, rule: ValidationRule) {
    this.rule = copyRule(rule);
  }

  getAllowInvalid(): boolean {
    this.calls.record('DataValidation.getAllowInvalid');
    return this.rule.allowInvalid;
  }

  getCriteriaType(): GasEnumValue {
    this.calls.record('DataValidation.getCriteriaType');
    return KIND_TO_CRITERIA[this.rule.kind];
  }

  /** As Apps Script: [min, max], [values[], showDropdown], or [formula]. */
  getCriteriaValues(): unknown[] {
    this.calls.record('DataValidation.getCriteriaValues');
    if (this.rule.kind === 'valueInList') return [[...this.rule.values], this.rule.showDropdown ?? true];
    return [...this.rule.values];
  }

  getHelpText(): string | null {
    this.calls.record('DataValidation.getHelpText');
    return this.rule.helpText ?? null;
  }

  copy(): DataValidationBuilderPort {
    this.calls.record('DataValidation.copy');
    return new LocalDataValidationBuilder(this.calls, this.rule);
  }
}

export class LocalDataValidationBuilder implements DataValidationBuilderPort {
  private rule: ValidationRule | null;
  private allowInvalid = true; // Sheets' default: show a warning, accept the data
  private helpText?: string;

  constructor(private readonly calls: CallLog, from?: ValidationRule) {
    this.rule = from ? copyRule(from) : null;
    if (from) {
      this.allowInvalid = from.allowInvalid;
      this.helpText = from.helpText;
    }
  }

  build(): LocalDataValidation {
    this.calls.record('DataValidationBuilder.build');
    // assumed wording; Apps Script refuses to build a rule without criteria.
    if (!this.rule) throw new Error('You must specify a criteria type for the data validation rule.');
    const rule: ValidationRule = { ...this.rule, allowInvalid: this.allowInvalid };
    if (this.helpText !== undefined) rule.helpText = this.helpText;
    return new LocalDataValidation(this.calls, rule);
  }

  requireNumberBetween(start: number, end: number): LocalDataValidationBuilder {
    this.calls.record('DataValidationBuilder.requireNumberBetween');
    this.rule = { kind: 'numberBetween', values: [start, end], allowInvalid: this.allowInvalid };
    return this;
  }

  requireValueInList(values: string[], showDropdown = true): LocalDataValidationBuilder {
    this.calls.record('DataValidationBuilder.requireValueInList');
    this.rule = { kind: 'valueInList', values: [...values], allowInvalid: this.allowInvalid, showDropdown };
    return this;
  }

  requireFormulaSatisfied(formula: string): LocalDataValidationBuilder {
    this.calls.record('DataValidationBuilder.requireFormulaSatisfied');
    this.rule = { kind: 'formula', values: [formula], allowInvalid: this.allowInvalid };
    return this;
  }

  setAllowInvalid(allowInvalidData: boolean): LocalDataValidationBuilder {
    this.calls.record('DataValidationBuilder.setAllowInvalid');
    this.allowInvalid = allowInvalidData;
    return this;
  }

  setHelpText(helpText: string): LocalDataValidationBuilder {
    this.calls.record('DataValidationBuilder.setHelpText');
    this.helpText = helpText;
    return this;
  }
}

/**
 * Whether a value passes a rule. Empty cells always pass (Sheets lets you delete).
 * Custom formulas cannot be evaluated locally: they pass (documented gap).
 */
export function passesRule(rule: ValidationRule, value: StoredValue | undefined, formula?: string): boolean {
  if (value === undefined && formula === undefined) return true;
  switch (rule.kind) {
    case 'numberBetween': {
      if (typeof value !== 'number') return false;
      const [a, b] = rule.values.map(Number);
      return value >= Math.min(a, b) && value <= Math.max(a, b);
    }
    case 'valueInList': {
      if (value === undefined) return false;
      const text = value instanceof Date ? value.toISOString() : String(value);
      return rule.values.some((allowed) => String(allowed) === text);
    }
    case 'formula':
      return true;
  }
}
