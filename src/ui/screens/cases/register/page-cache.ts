import type { WireError } from '../../../../shared/api/errors';
import { asWireError } from '../../../errors';

export type FetchPage<Row> = (offset: number, limit: number) => Promise<{ rows: Row[]; total: number }>;

/**
 * The pages of one listing (one set of filters) fetched as the user scrolls to them. A page is
 * fetched once until `invalidate` (data changed elsewhere): its rows stay on screen while it is
 * fetched again, so a refresh never blanks the table.
 */
export class PageCache<Row> {
  private readonly pages = new Map<number, Row[]>();
  private readonly fresh = new Set<number>();
  private readonly inflight = new Set<number>();
  private disposed = false;
  total: number | null = null;
  error: WireError | null = null;

  constructor(
    private readonly fetchPage: FetchPage<Row>,
    private readonly onChange: () => void,
    readonly pageSize = 100,
  ) {}

  row(index: number): Row | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  get loading(): boolean {
    return this.inflight.size > 0;
  }

  /** Fetches the pages holding rows `first`..`last` that are missing or stale. */
  ensure(first: number, last: number): void {
    const from = Math.max(0, Math.floor(first / this.pageSize));
    const to = Math.max(from, Math.floor(Math.max(first, last) / this.pageSize));
    for (let page = from; page <= to; page += 1) {
      if (this.total !== null && page * this.pageSize >= this.total && page > 0) break;
      if (!this.fresh.has(page) && !this.inflight.has(page)) this.load(page);
    }
  }

  /** Marks every page stale; the caller then ensures the visible ones again. */
  invalidate(): void {
    this.fresh.clear();
  }

  dispose(): void {
    this.disposed = true;
  }

  private load(page: number): void {
    this.inflight.add(page);
    this.fetchPage(page * this.pageSize, this.pageSize).then(
      (result) => {
        this.inflight.delete(page);
        if (this.disposed) return;
        this.pages.set(page, result.rows);
        this.fresh.add(page);
        this.total = result.total;
        this.error = null;
        this.onChange();
      },
      (failure: unknown) => {
        this.inflight.delete(page);
        if (this.disposed) return;
        this.error = asWireError(failure);
        this.onChange();
      },
    );
  }
}
