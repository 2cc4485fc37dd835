import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHtmlService } from '../../../src/local/services/html';
import '../../../src/local/services'; // installs the loud stubs of what is not implemented
import { basics } from './helpers';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sodiem-html-'));
  fs.writeFileSync(path.join(dir, 'Sidebar.html'), '<h1>Sổ điểm</h1>');
  fs.writeFileSync(path.join(dir, 'chunk-x.html'), 'var a = "<?= b ?>";');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const html = () => createHtmlService({ ...basics(), htmlDir: dir });

describe('HtmlService', () => {
  test('createHtmlOutput builds content, title and size', () => {
    const out = html().createHtmlOutput('<p>a</p>').append('<p>b</p>').setTitle('Nhập điểm').setWidth(300).setHeight(500);
    expect(out.getContent()).toBe('<p>a</p><p>b</p>');
    expect(out.getTitle()).toBe('Nhập điểm');
    expect(out.getWidth()).toBe(300);
    expect(out.getHeight()).toBe(500);
    expect(html().createHtmlOutput().getContent()).toBe('');
    expect(html().createHtmlOutput().appendUntrusted('<b>&</b>').getContent()).toBe('&lt;b&gt;&amp;&lt;/b&gt;');
  });

  test('createHtmlOutputFromFile reads <name>.html from the build directory', () => {
    expect(html().createHtmlOutputFromFile('Sidebar').getContent()).toBe('<h1>Sổ điểm</h1>');
    expect(html().createHtmlOutputFromFile('Sidebar.html').getContent()).toBe('<h1>Sổ điểm</h1>');
    expect(() => html().createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
    expect(() => html().createHtmlOutputFromFile('../etc/passwd')).toThrow('No HTML file named');
  });

  test('createTemplateFromFile gives the file\'s raw text (what the chunk loader reads); nothing else is run', () => {
    const template = html().createTemplateFromFile('chunk-x');
    expect(template.getRawContent()).toBe('var a = "<?= b ?>";');
    expect(() => html().createTemplateFromFile('chunk-missing')).toThrow('No HTML file named chunk-missing was found.');
    expect(() => (template as unknown as { evaluate(): unknown }).evaluate()).toThrow('Local Apps Script runtime: HtmlTemplate.evaluate() is not implemented.');
  });

  test('getBlob is text/html; PDF conversion is refused locally', () => {
    const out = html().createHtmlOutput('<p>é</p>');
    const blob = out.getBlob();
    expect(blob.getContentType()).toBe('text/html');
    expect(blob.getDataAsString()).toBe('<p>é</p>');
    expect(() => out.getAs('application/pdf')).toThrow('not supported by the local runtime');
  });

  test('calls are recorded', () => {
    const deps = { ...basics(), htmlDir: dir };
    createHtmlService(deps).createHtmlOutputFromFile('Sidebar').setTitle('x');
    expect(deps.calls.snapshot()).toEqual({ 'HtmlOutput.setTitle': 1, 'HtmlService.createHtmlOutputFromFile': 1 });
  });
});
