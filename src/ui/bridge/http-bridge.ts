import type { WireError } from '../../shared/api/errors';
import { isWireError } from '../../shared/api/errors';
import type { EventName } from '../../shared/api/events';
import type { ZhijianBridge } from '../../shared/bridge';

const TOKEN_KEY = 'zhijian.token';

/**
 * The per-start token arrives once in the URL printed by `serve`; keep it for this tab only and
 * take it out of the address bar so that it is not bookmarked or shared by accident.
 */
function takeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

const NETWORK_ERROR: WireError = { code: 'INTERNAL', messageKey: 'errors.INTERNAL' };

export function createHttpBridge(): ZhijianBridge {
  const token = takeToken();
  let source: EventSource | null = null;
  const events = (): EventSource => {
    source ??= new EventSource(`/events?token=${encodeURIComponent(token ?? '')}`);
    return source;
  };
  return {
    shell: 'browser',
    async call(name, input) {
      let response: Response;
      try {
        response = await fetch('/rpc', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-zhijian-token': token ?? '' },
          body: JSON.stringify({ name, input }),
        });
      } catch {
        throw NETWORK_ERROR;
      }
      const body = (await response.json().catch(() => null)) as { ok: boolean; result?: unknown; error?: unknown } | null;
      if (body?.ok) return body.result;
      throw isWireError(body?.error) ? body.error : NETWORK_ERROR;
    },
    on(event: EventName, listener) {
      const handler = (e: MessageEvent<string>) => listener(JSON.parse(e.data));
      events().addEventListener(event, handler);
      return () => events().removeEventListener(event, handler);
    },
  };
}

/** In Electron the preload has already put the bridge there; in a browser we add ours. */
export function installBridge(): ZhijianBridge {
  const w = window as unknown as { zhijian?: ZhijianBridge };
  w.zhijian ??= createHttpBridge();
  return w.zhijian;
}

export function hasToken(bridge: ZhijianBridge): boolean {
  return bridge.shell === 'electron' || sessionStorage.getItem(TOKEN_KEY) !== null;
}
