/** Characters that render like Latin letters (digits, symbols, Cyrillic and Greek homoglyphs). */
const CONFUSABLE: Record<string, string> = {
  '0': 'o',
  '1': 'l',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
  '|': 'l',
  '!': 'i',
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ӏ: 'l',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
};

/**
 * A name reduced to what a reader sees: compatibility-folded, lower case, accents dropped, homoglyphs mapped
 * to the Latin letter they imitate (so "1" reads as "l"), and everything but letters and digits removed.
 */
export function normaliseIssuerName(name: string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  let out = '';
  for (const ch of folded) out += CONFUSABLE[ch] ?? ch;
  out = out.replace(/rn/g, 'm').replace(/vv/g, 'w');
  return out.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Levenshtein edit distance, giving up (returning `max + 1`) once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/**
 * Why `name` could be mistaken for `verifiedName`, or null: the same name once case, punctuation, spacing,
 * accents and homoglyphs are ignored, or within a small edit distance (1 for short names, 2 from 8 characters).
 */
export function resemblance(name: string, verifiedName: string): string | null {
  const a = normaliseIssuerName(name);
  const b = normaliseIssuerName(verifiedName);
  if (!a || !b) return null;
  if (a === b)
    return name.trim().toLowerCase() === verifiedName.trim().toLowerCase()
      ? 'same name'
      : 'same name once look-alike characters, case and punctuation are ignored';
  const max = Math.min(a.length, b.length) >= 8 ? 2 : 1;
  const d = editDistance(a, b, max);
  return d <= max ? `name differs by ${d} character${d === 1 ? '' : 's'}` : null;
}
