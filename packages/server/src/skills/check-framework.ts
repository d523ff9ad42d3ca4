import type { ImportProblem, ParsedFramework } from './parsed.js';
import { MAX_PROBLEMS, SkillImportError } from './parsed.js';

/** A checked framework: each skill's first isChildOf parent (identifier) and its position among siblings. */
export interface CheckedFramework {
  parsed: ParsedFramework;
  parentOf: Map<string, string>;
  positionOf: Map<string, number>;
}

/** The first isChildOf cycle in a child → parent graph, as identifiers from a node back to itself, or null. */
export function findChildOfCycle(parentsOf: Map<string, string[]>): string[] | null {
  const state = new Map<string, 1 | 2>();
  for (const start of parentsOf.keys()) {
    if (state.has(start)) continue;
    // Iterative DFS (a 50,000-deep chain must not overflow the stack); `stack` holds the current path.
    const stack: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    state.set(start, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (!top) break;
      const parents = parentsOf.get(top.node) ?? [];
      if (top.next >= parents.length) {
        state.set(top.node, 2);
        stack.pop();
        continue;
      }
      const p = parents[top.next++] ?? '';
      const s = state.get(p);
      if (s === 1) {
        const from = stack.findIndex((f) => f.node === p);
        return [...stack.slice(from).map((f) => f.node), p];
      }
      if (s === undefined && parentsOf.has(p)) {
        state.set(p, 1);
        stack.push({ node: p, next: 0 });
      }
    }
  }
  return null;
}

/**
 * Check a parsed framework before anything is written: unique skill identifiers, associations whose origin is
 * a skill of the file, no isChildOf cycle (named, with codes). An association to something outside the file
 * is kept by URI and reported as a warning.
 */
export function checkFramework(parsed: ParsedFramework): CheckedFramework {
  const problems: ImportProblem[] = [];
  const add = (p: ImportProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  if (!parsed.framework.sourceId) add({ path: '$', message: 'The framework has no identifier' });
  const seen = new Map<string, string>();
  for (const s of parsed.skills) {
    const first = seen.get(s.identifier);
    if (first) add({ path: `${s.path}.identifier`, message: `Duplicate identifier "${s.identifier}" (first at ${first})` });
    else seen.set(s.identifier, s.path);
  }
  const label = new Map(parsed.skills.map((s) => [s.identifier, s.code ? `${s.code} ${s.name.slice(0, 40)}` : s.name.slice(0, 40)]));
  const parentsOf = new Map<string, string[]>();
  const warnings = [...parsed.warnings];
  const assocIds = new Set<string>();
  for (const a of parsed.associations) {
    if (assocIds.has(a.identifier)) add({ path: `${a.path}.identifier`, message: `Duplicate association identifier "${a.identifier}"` });
    assocIds.add(a.identifier);
    if (!seen.has(a.from)) {
      add({ path: `${a.path}.originNodeURI`, message: `"${a.from}" is not an item of this framework` });
      continue;
    }
    if (a.to !== null && !seen.has(a.to)) {
      if (warnings.length < MAX_PROBLEMS)
        warnings.push({
          path: `${a.path}.destinationNodeURI`,
          message: `"${a.to}" is outside this framework: kept as a link${a.type === 'isChildOf' ? ', and the item is shown at the top level' : ''}`,
        });
      a.toUri ??= a.to;
      a.to = null;
      continue;
    }
    if (a.type === 'isChildOf' && a.to !== null) {
      if (a.to === a.from) add({ path: a.path, message: `isChildOf cycle: "${label.get(a.from)}" is its own parent` });
      else (parentsOf.get(a.from) ?? parentsOf.set(a.from, []).get(a.from))?.push(a.to);
    }
  }
  if (!problems.length) {
    const cycle = findChildOfCycle(parentsOf);
    if (cycle)
      add({
        path: parsed.framework.sourceKind === 'csv' ? 'parent' : 'CFAssociations',
        message: `isChildOf cycle: ${cycle.map((id) => `"${label.get(id) ?? id}"`).join(' → ')}`,
      });
  }
  if (problems.length) throw new SkillImportError(`The framework has ${problems.length} problem(s)`, problems);
  const parentOf = new Map<string, string>();
  for (const [child, parents] of parentsOf) if (parents[0]) parentOf.set(child, parents[0]);
  const positionOf = new Map<string, number>();
  parsed.skills.forEach((s, i) => positionOf.set(s.identifier, i));
  return { parsed: { ...parsed, warnings }, parentOf, positionOf };
}
