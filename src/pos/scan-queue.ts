// Scans are resolved one after another, in the order they were typed: a scanner's burst of
// codes (each ending in Enter) never loses or reorders one, however long a lookup takes.
// `idle()` resolves once every scan typed so far has been applied (a charge waits for it).

export type ScanHandler = (text: string) => Promise<void> | void;

export class ScanQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(
    private readonly handle: ScanHandler,
    private readonly onError: (text: string, e: unknown) => void = () => {},
  ) {}

  push(text: string): void {
    this.pending++;
    this.tail = this.tail
      .then(() => this.handle(text))
      .catch((e) => this.onError(text, e))
      .finally(() => {
        this.pending--;
      });
  }

  get size(): number {
    return this.pending;
  }

  idle(): Promise<void> {
    return this.tail;
  }
}
