import { describe, expect, it } from 'vitest';
import { count } from './format';

describe('count', () => {
  it('uses the singular for one only, and groups thousands', () => {
    expect(count(0, 'row')).toBe('0 rows');
    expect(count(1, 'row')).toBe('1 row');
    expect(count(2, 'row')).toBe('2 rows');
    expect(count(100_000, 'row')).toBe('100,000 rows');
    expect(count(1, 'person', 'people')).toBe('1 person');
    expect(count(3, 'person', 'people')).toBe('3 people');
  });
});
