/**
 * The API's DataValidationRule ⇄ the model's ValidationRule (what SpreadsheetApp's builder
 * stores): NUMBER_BETWEEN, ONE_OF_LIST and CUSTOM_FORMULA, the kinds the model holds.
 * strict is the opposite of allowInvalid; inputMessage is the help text; showCustomUi the
 * list's dropdown.
 */
import type { ValidationRule } from '../sheets/model';
import { RequestError, unsupported } from './errors';

type ApiRule = GoogleAppsScript.Sheets.Schema.DataValidationRule;

const KEYS = ['condition', 'inputMessage', 'strict', 'showCustomUi'];

export function validationRule(rule: ApiRule, where: string): ValidationRule {
  for (const key of Object.keys(rule)) if (!KEYS.includes(key)) throw new RequestError(`Invalid JSON payload received. Unknown name "${key}" at '${where}': Cannot find field.`);
  const type = rule.condition?.type;
  const values = (rule.condition?.values ?? []).map((v, i) => {
    if (v.relativeDate) throw unsupported('data validation relativeDate');
    if (typeof v.userEnteredValue !== 'string') throw new RequestError(`Invalid ${where}.condition.values[${i}]: userEnteredValue is required.`);
    return v.userEnteredValue;
  });
  const allowInvalid = rule.strict !== true;
  let out: ValidationRule;
  if (type === 'NUMBER_BETWEEN') {
    const numbers = values.map(Number);
    if (numbers.length !== 2 || numbers.some((n) => !Number.isFinite(n))) throw new RequestError(`Invalid ${where}: NUMBER_BETWEEN needs two numbers.`);
    out = { kind: 'numberBetween', values: numbers, allowInvalid };
  } else if (type === 'ONE_OF_LIST') {
    if (values.length === 0) throw new RequestError(`Invalid ${where}: ONE_OF_LIST needs at least one value.`);
    out = { kind: 'valueInList', values, allowInvalid, showDropdown: rule.showCustomUi === true };
  } else if (type === 'CUSTOM_FORMULA') {
    if (values.length !== 1 || !values[0].startsWith('=')) throw new RequestError(`Invalid ${where}: CUSTOM_FORMULA needs one formula starting with "=".`);
    out = { kind: 'formula', values, allowInvalid };
  } else if (type === undefined || type === null) {
    throw new RequestError(`Invalid ${where}: condition.type is required.`);
  } else {
    throw unsupported(`data validation condition ${type}`);
  }
  if (rule.inputMessage !== undefined && rule.inputMessage !== null) out.helpText = rule.inputMessage;
  return out;
}
