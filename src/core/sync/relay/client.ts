/**
 * A node's side of the relay (./server): push a bundle for a recipient, list and fetch its own,
 * remove what it has applied. Every failure to reach the relay, or an answer that is not the
 * relay's, is SYNC_RELAY_UNREACHABLE: the caller backs off and tries later.
 */
import { AppError } from '../../api/errors';

export interface RelayEntry {
  id: string;
  size: number;
  storedAt: string;
}

/** A request that hangs longer than this counts as the relay being away. */
const TIMEOUT_MS = 15_000;

export class RelayClient {
  private readonly base: string;

  constructor(readonly url: string) {
    this.base = url.replace(/\/+$/, '');
  }

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch {
      throw new AppError('SYNC_RELAY_UNREACHABLE', { url: this.url });
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new AppError('SYNC_RELAY_UNREACHABLE', { url: this.url });
    }
    return response;
  }

  /** Whether the relay answers. */
  async probe(): Promise<boolean> {
    try {
      const body = (await (await this.request('/v1/health')).json()) as { ok?: unknown };
      return body.ok === true;
    } catch {
      return false;
    }
  }

  async push(recipient: string, id: string, bytes: Uint8Array): Promise<void> {
    await this.request(`/v1/bundles/${recipient}/${id}`, {
      method: 'PUT',
      body: new Blob([bytes as Uint8Array<ArrayBuffer>]),
      headers: { 'content-type': 'application/octet-stream' },
    });
  }

  async list(recipient: string): Promise<RelayEntry[]> {
    const body = (await (await this.request(`/v1/bundles/${recipient}`)).json()) as unknown;
    if (!Array.isArray(body)) throw new AppError('SYNC_RELAY_UNREACHABLE', { url: this.url });
    return body.filter((e): e is RelayEntry => typeof e?.id === 'string' && typeof e?.size === 'number' && typeof e?.storedAt === 'string');
  }

  async fetch(recipient: string, id: string): Promise<Uint8Array> {
    return new Uint8Array(await (await this.request(`/v1/bundles/${recipient}/${id}`)).arrayBuffer());
  }

  async remove(recipient: string, id: string): Promise<void> {
    await this.request(`/v1/bundles/${recipient}/${id}`, { method: 'DELETE' });
  }
}
