/**
 * The quotes, notes and carriers that load after the first chart (state/data.ts ensureDetails):
 * their state is said ('pending' → 'ready' / 'error'), a failed load of their code is reported
 * and tried again when next asked, and a file that cannot be read is named.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { detailsStatus } from '../../../src/components/DetailsNote';

const ctl = vi.hoisted(() => ({ failCode: 0 }));
vi.mock('../../../src/data/loadDetails', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/data/loadDetails')>();
  return {
    ...real,
    // as if the details' chunk could not be fetched (the connection dropped): the promise rejects
    loadDetails: async (...a: Parameters<typeof real.loadDetails>) => {
      if (ctl.failCode > 0) {
        ctl.failCode--;
        throw new Error('Failed to fetch dynamically imported module');
      }
      return real.loadDetails(...a);
    },
  };
});

const DIR = new URL('../../../public/data/', import.meta.url);
const files = (missing = '') => async (path: string) => {
  if (missing && path.endsWith(missing)) throw new Error(`404 ${path}`);
  return readFileSync(new URL(path.replace(/^data\//, ''), DIR), 'utf8');
};
/** resolves once the details' status (detailsStatus) is no longer 'pending' */
const settled = async (useData: typeof import('../../../src/state/data').useData) =>
  vi.waitFor(() => expect(detailsStatus(useData.getState())).not.toBe('pending'), { timeout: 5000 });

beforeEach(() => {
  vi.resetModules();
  ctl.failCode = 0;
});

describe('details after the first chart', () => {
  it('pending until the quotes are in, then ready, with the quotes on the sources', async () => {
    const { loadAll, ensureDetails, useData } = await import('../../../src/state/data');
    await loadAll(files(), '');
    expect(detailsStatus(useData.getState())).toBe('pending');
    expect(useData.getState().pkg!.pending).toBe(true);
    ensureDetails();
    await settled(useData);
    const s = useData.getState();
    expect(detailsStatus(s)).toBe('ready');
    expect(s.detailsError).toBeNull();
    expect(s.pkg!.pending).toBeUndefined();
    expect([...s.pkg!.sources.values()].some((x) => x.quote.length > 20)).toBe(true);
  });

  it('the details’ code failing to load is reported, and loaded on the next request', async () => {
    ctl.failCode = 1;
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { loadAll, ensureDetails, useData } = await import('../../../src/state/data');
    await loadAll(files(), '');
    ensureDetails();
    await settled(useData);
    expect(detailsStatus(useData.getState())).toBe('error');
    expect(useData.getState().detailsError).toMatch(/Failed to fetch/);
    expect(useData.getState().bundled!.pending).toBe(true);
    expect(err).toHaveBeenCalled();
    // asked again (a view that shows quotes, or the panel's "load again")
    ensureDetails();
    expect(detailsStatus(useData.getState())).toBe('pending');
    await settled(useData);
    expect(detailsStatus(useData.getState())).toBe('ready');
    expect(useData.getState().detailsError).toBeNull();
    err.mockRestore();
  });

  it('a quotes file that cannot be read is named; the figures and sources stay', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { loadAll, ensureDetails, useData } = await import('../../../src/state/data');
    await loadAll(files('source_quotes.csv'), '');
    const n = useData.getState().pkg!.figures.length;
    ensureDetails();
    await settled(useData);
    const s = useData.getState();
    expect(detailsStatus(s)).toBe('error');
    expect(s.detailsError).toContain('source_quotes.csv');
    expect(s.pkg!.figures.length).toBe(n);
    err.mockRestore();
  });
});
