import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha1Hex } from '../../../src/data/sha1';
describe('sha1', () => { it('matches node', () => { for (const s of ['', 'abc', '北京|2020', 'x'.repeat(55), 'x'.repeat(56), 'y'.repeat(64), '全国'.repeat(1000)]) expect(sha1Hex(s)).toBe(createHash('sha1').update(s).digest('hex')); }); });
