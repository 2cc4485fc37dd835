/**
 * What the local Sheets API server can be told to do wrong, per spreadsheet: answer 429 with a
 * Retry-After, 500 or 503, or answer late. Faults are consumed in order, one per request to that
 * spreadsheet ('*' for any); a standing fault answers every request until it is lifted, like a
 * file that stays unreadable.
 */
/** The requests the local server answers (server.ts). */
export type ServedMethod = 'get' | 'values.get' | 'values.batchGet';

export type Fault = ({ kind: 'status'; status: 429 | 500 | 503; retryAfterSeconds?: number } | { kind: 'slow'; ms: number }) & {
  /** Only requests of this method meet it (default: any). */
  method?: ServedMethod;
};

export class FaultPlan {
  private readonly queued = new Map<string, Fault[]>();
  private readonly standing = new Map<string, Fault>();

  /** The next requests to `spreadsheetId` ('*': to any) meet these faults, in order. */
  push(spreadsheetId: string, ...faults: Fault[]): void {
    this.queued.set(spreadsheetId, [...(this.queued.get(spreadsheetId) ?? []), ...faults]);
  }

  /** Every request to `spreadsheetId` meets `fault` until lift(). */
  always(spreadsheetId: string, fault: Fault): void {
    this.standing.set(spreadsheetId, fault);
  }

  lift(spreadsheetId: string): void {
    this.standing.delete(spreadsheetId);
    this.queued.delete(spreadsheetId);
  }

  /** The fault this request meets, if any (consumed). */
  take(spreadsheetId: string, method: ServedMethod): Fault | undefined {
    const meets = (f: Fault) => f.method === undefined || f.method === method;
    const standing = this.standing.get(spreadsheetId);
    if (standing && meets(standing)) return standing;
    for (const key of [spreadsheetId, '*']) {
      const list = this.queued.get(key) ?? [];
      const i = list.findIndex(meets);
      if (i >= 0) return list.splice(i, 1)[0];
    }
    return undefined;
  }
}
