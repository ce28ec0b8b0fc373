import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../api/ids';
import { RelayClient } from './client';
import { startRelay, type Relay } from './server';

let dir: string;
let relay: Relay;
let client: RelayClient;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhijian-relay-'));
  relay = await startRelay({ dataDir: dir, port: 0, host: '127.0.0.1', maxBundleBytes: 1024 });
  client = new RelayClient(`http://127.0.0.1:${relay.port}/`);
});

afterEach(async () => {
  await relay.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const bytes = (n: number, fill = 7) => new Uint8Array(n).fill(fill);

describe('relay', () => {
  it('keeps bundles per recipient until removed', async () => {
    const [county, city, first, second] = [newId(), newId(), newId(), newId()];
    expect(await client.probe()).toBe(true);
    await client.push(county, first, bytes(100, 1));
    await client.push(county, second, bytes(50, 2));
    await client.push(city, newId(), bytes(10));
    const listed = await client.list(county);
    expect(listed.map((e) => [e.id, e.size]).sort()).toEqual([[first, 100], [second, 50]].sort());
    expect(await client.fetch(county, first)).toEqual(bytes(100, 1));
    await client.remove(county, first);
    expect((await client.list(county)).map((e) => e.id)).toEqual([second]);
    expect(await client.list(newId())).toEqual([]);
  });

  it('stores a bundle pushed twice once, and refuses one over the limit leaving nothing', async () => {
    const [node, id] = [newId(), newId()];
    await client.push(node, id, bytes(10, 1));
    await client.push(node, id, bytes(10, 2));
    expect(await client.fetch(node, id)).toEqual(bytes(10, 1));
    await expect(client.push(node, newId(), bytes(2048))).rejects.toMatchObject({ code: 'SYNC_RELAY_UNREACHABLE' });
    expect((await client.list(node)).map((e) => e.id)).toEqual([id]);
    expect(fs.readdirSync(path.join(dir, node)).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('refuses names that are not ids, so that no request reaches a path outside its folder', async () => {
    const status = (urlPath: string, method = 'GET') =>
      new Promise<number>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port: relay.port, path: urlPath, method }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await status('/v1/bundles/..%2F..%2Fetc')).toBe(400);
    expect(await status(`/v1/bundles/${newId()}/..%2Fx`, 'DELETE')).toBe(400);
    expect(await status('/v1/bundles/abc/def', 'PUT')).toBe(400);
    expect(await status('/etc/passwd')).toBe(404);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('reports a relay that does not answer as unreachable', async () => {
    await relay.close();
    expect(await client.probe()).toBe(false);
    await expect(client.list(newId())).rejects.toMatchObject({ code: 'SYNC_RELAY_UNREACHABLE' });
    relay = await startRelay({ dataDir: dir, port: 0, host: '127.0.0.1' });
  });

  it('removes half-written uploads an interrupted relay left behind when it starts', async () => {
    const node = newId();
    fs.mkdirSync(path.join(dir, node));
    fs.writeFileSync(path.join(dir, node, `${newId()}.zjb.1.2.partial`), 'half');
    await relay.close();
    relay = await startRelay({ dataDir: dir, port: 0, host: '127.0.0.1' });
    expect(fs.readdirSync(path.join(dir, node))).toEqual([]);
  });
});
