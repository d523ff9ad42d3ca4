/** A count with its noun, singular for one: `count(1, 'row')` is "1 row", `count(1200, 'row')` is "1,200 rows". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? singular : plural}`;
}
