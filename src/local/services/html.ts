/**
 * HtmlService: HtmlOutput built from a string or from `<name>.html` in a directory (the
 * build's dist/). PDF rendering of an HtmlOutput (getAs('application/pdf')) is not done
 * locally yet: it throws saying so, rather than hand back a fake PDF.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HtmlOutputPort, HtmlServicePort } from '../../server/gas/ports';
import type { FacadeDeps } from './common';
import { LocalBlob } from './blob';

export class LocalHtmlOutput implements HtmlOutputPort {
  private title = '';
  private width: number | null = null;
  private height: number | null = null;

  constructor(
    private readonly deps: FacadeDeps,
    private content: string,
  ) {}

  private log(method: string): void {
    this.deps.calls.record(`HtmlOutput.${method}`);
  }

  getContent(): string {
    this.log('getContent');
    return this.content;
  }

  setContent(content: string): this {
    this.log('setContent');
    this.content = String(content);
    return this;
  }

  append(addedContent: string): this {
    this.log('append');
    this.content += String(addedContent);
    return this;
  }

  /** Appends text with HTML special characters escaped, as appendUntrusted does. */
  appendUntrusted(addedContent: string): this {
    this.log('appendUntrusted');
    this.content += String(addedContent)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');
    return this;
  }

  clear(): this {
    this.log('clear');
    this.content = '';
    return this;
  }

  getTitle(): string {
    this.log('getTitle');
    return this.title;
  }

  setTitle(title: string): this {
    this.log('setTitle');
    this.title = String(title);
    return this;
  }

  getWidth(): number | null {
    this.log('getWidth');
    return this.width;
  }

  setWidth(width: number): this {
    this.log('setWidth');
    this.width = width;
    return this;
  }

  getHeight(): number | null {
    this.log('getHeight');
    return this.height;
  }

  setHeight(height: number): this {
    this.log('setHeight');
    this.height = height;
    return this;
  }

  getBlob(): LocalBlob {
    this.log('getBlob');
    return new LocalBlob(this.deps.calls, new TextEncoder().encode(this.content), 'text/html', this.title || null);
  }

  getAs(contentType: string): LocalBlob {
    this.log('getAs');
    if (contentType === 'application/pdf') {
      throw new Error('HtmlOutput.getAs(application/pdf) is not supported by the local runtime yet.');
    }
    return this.getBlob().getAs(contentType);
  }
}

/**
 * An HtmlTemplate made from a project file. Only its raw text is implemented (what the add-on's
 * chunk loader reads); evaluate() and getCode() fail loudly (stubs from the real API's names).
 */
export class LocalHtmlTemplate {
  constructor(
    private readonly deps: FacadeDeps,
    private readonly raw: string,
  ) {}

  /** The file's text, unprocessed (scriptlets are not run). */
  getRawContent(): string {
    this.deps.calls.record('HtmlTemplate.getRawContent');
    return this.raw;
  }
}

export interface HtmlServiceDeps extends FacadeDeps {
  /** Where `createHtmlOutputFromFile(name)` finds `<name>.html`. */
  htmlDir: string;
}

export interface LocalHtmlService extends HtmlServicePort {
  createHtmlOutput(html?: string): LocalHtmlOutput;
  createHtmlOutputFromFile(filename: string): LocalHtmlOutput;
  createTemplateFromFile(filename: string): LocalHtmlTemplate;
}

/** The text of `<name>.html` in the build directory, or Apps Script's error for a file the project lacks. */
function projectFile(htmlDir: string, filename: string): string {
  // Apps Script accepts "Sidebar" or "Sidebar.html" and rejects names that would leave the project.
  const base = String(filename).replace(/\.html$/, '');
  const file = path.join(htmlDir, `${base}.html`);
  if (base.includes('..') || path.isAbsolute(base) || !fs.existsSync(file)) {
    throw new Error(`No HTML file named ${base} was found.`);
  }
  return fs.readFileSync(file, 'utf8');
}

export function createHtmlService(deps: HtmlServiceDeps): LocalHtmlService {
  return {
    createHtmlOutput(html = ''): LocalHtmlOutput {
      deps.calls.record('HtmlService.createHtmlOutput');
      return new LocalHtmlOutput(deps, String(html));
    },
    createHtmlOutputFromFile(filename: string): LocalHtmlOutput {
      deps.calls.record('HtmlService.createHtmlOutputFromFile');
      return new LocalHtmlOutput(deps, projectFile(deps.htmlDir, filename));
    },
    createTemplateFromFile(filename: string): LocalHtmlTemplate {
      deps.calls.record('HtmlService.createTemplateFromFile');
      return new LocalHtmlTemplate(deps, projectFile(deps.htmlDir, filename));
    },
  };
}
