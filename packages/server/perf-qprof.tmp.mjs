import { PGlite } from '@electric-sql/pglite';
const stats = new Map();
let inBench = false;
globalThis.__perfStats = stats;
function wrap(fn) {
  return async function (q, ...rest) {
    const t = performance.now();
    try { return await fn.call(this, q, ...rest); } finally {
      const k = String(q).replace(/\s+/g,' ').slice(0, 90);
      const s = stats.get(k) ?? { n: 0, ms: 0 }; s.n++; s.ms += performance.now() - t; stats.set(k, s);
    }
  };
}
const oq = PGlite.prototype.query; PGlite.prototype.query = wrap(oq);
const ot = PGlite.prototype.transaction;
PGlite.prototype.transaction = function (cb) {
  return ot.call(this, (tx) => { const q = tx.query; tx.query = wrap(q); return cb(tx); });
};
const { main } = await import('/work/main/packages/server/dist/cli/main.js');
const t0 = performance.now();
const code = await main(['bench','awards','--rows', process.argv[2] ?? '500','--json']);
console.error('total', performance.now()-t0);
const arr = [...stats].sort((a,b)=>b[1].ms-a[1].ms).slice(0,30);
for (const [k,s] of arr) console.error(s.ms.toFixed(0).padStart(7), String(s.n).padStart(6), k);
process.exitCode = code;
