/**
 * Blob: bytes with a content type and a name. getBytes() gives Java signed bytes like
 * Apps Script. getAs() returns a copy when the type does not change and converts HTML to a
 * real PDF with headless Chromium (pdf.ts), named as Apps Script names it; the other
 * conversions Google offers (text to PDF, images) are not implemented locally and throw saying so.
 */
import type { BlobPort } from '../../server/gas/ports';
import type { CallLog } from '../core';
import { toSignedBytes } from './common';
import { convertedName, htmlToPdf } from './pdf';

const PDF = 'application/pdf';

export class LocalBlob implements BlobPort {
  private bytes: Uint8Array;

  constructor(
    private readonly calls: CallLog,
    bytes: Uint8Array,
    private contentType: string | null,
    private name: string | null,
  ) {
    this.bytes = new Uint8Array(bytes);
  }

  /** The raw bytes (a copy), for the runtime (Drive writes them to disk). */
  rawBytes(): Uint8Array {
    return new Uint8Array(this.bytes);
  }

  getBytes(): number[] {
    this.calls.record('Blob.getBytes');
    return toSignedBytes(this.bytes);
  }

  getDataAsString(charset?: string): string {
    this.calls.record('Blob.getDataAsString');
    const label = charset === undefined ? 'utf-8' : String(charset).toLowerCase();
    return new TextDecoder(label).decode(this.bytes);
  }

  getContentType(): string | null {
    this.calls.record('Blob.getContentType');
    return this.contentType;
  }

  setContentType(contentType: string | null): LocalBlob {
    this.calls.record('Blob.setContentType');
    this.contentType = contentType;
    return this;
  }

  getName(): string | null {
    this.calls.record('Blob.getName');
    return this.name;
  }

  setName(name: string): LocalBlob {
    this.calls.record('Blob.setName');
    this.name = name;
    return this;
  }

  setDataFromString(data: string): LocalBlob {
    this.calls.record('Blob.setDataFromString');
    this.bytes = new TextEncoder().encode(data);
    return this;
  }

  isGoogleType(): boolean {
    this.calls.record('Blob.isGoogleType');
    return false;
  }

  copyBlob(): LocalBlob {
    this.calls.record('Blob.copyBlob');
    return new LocalBlob(this.calls, this.bytes, this.contentType, this.name);
  }

  getBlob(): LocalBlob {
    this.calls.record('Blob.getBlob');
    return this;
  }

  getAs(contentType: string): LocalBlob {
    this.calls.record('Blob.getAs');
    if (contentType === this.contentType) {
      return new LocalBlob(this.calls, this.bytes, this.contentType, this.name);
    }
    const from = (this.contentType ?? '').split(';')[0].trim().toLowerCase();
    if (contentType === PDF && from === 'text/html') {
      return new LocalBlob(this.calls, htmlToPdf(this.bytes), PDF, convertedName(this.name, 'pdf'));
    }
    if (contentType === PDF && from === 'text/plain') {
      throw new Error(`Converting from ${this.contentType} to ${contentType} is not supported by the local runtime yet.`);
    }
    // Google's wording for conversions it does not offer.
    throw new Error(`Converting from ${this.contentType ?? 'application/octet-stream'} to ${contentType} is not supported.`);
  }
}
