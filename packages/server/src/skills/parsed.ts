/** One problem in an imported file: a JSON path (`CFItems[3].fullStatement`) or a CSV row (`row 7`), and what is wrong. */
export interface ImportProblem {
  path: string;
  message: string;
}

/** A file that cannot be imported: every problem found (up to a limit), each with its path. */
export class SkillImportError extends Error {
  constructor(
    message: string,
    readonly problems: ImportProblem[],
  ) {
    super(message);
    this.name = 'SkillImportError';
  }
}

/** A framework read from any source format, before it is checked and stored. */
export interface ParsedFramework {
  framework: {
    sourceKind: 'case' | 'rsd' | 'csv';
    sourceId: string;
    title: string;
    description: string;
    sourceUri: string | null;
    version: string | null;
    licence: string | null;
  };
  skills: ParsedSkill[];
  associations: ParsedAssociation[];
  /** Things accepted but worth knowing (unknown RSD fields, associations to items outside the framework). */
  warnings: ImportProblem[];
}

/** A skill as read from a file; `path` locates it for error messages. */
export interface ParsedSkill {
  identifier: string;
  code: string | null;
  name: string;
  description: string;
  uri: string | null;
  type: string | null;
  path: string;
}

/** An association as read from a file: `from` and `to` are skill identifiers (or `toUri` for targets outside). */
export interface ParsedAssociation {
  identifier: string;
  type: string;
  from: string;
  to: string | null;
  toUri: string | null;
  path: string;
}

/** Stop collecting problems after this many. */
export const MAX_PROBLEMS = 50;
