/** Pure rules of the evidence editor: what each kind of evidence keeps, what is missing, and the text limit. */
import { LIMITS } from '@tessera/shared';
import type { FileInfo, Submission } from '../../../lib/types';

/** One evidence requirement of the micro-credential. */
export type Requirement = Submission['achievement']['evidenceRequirements'][number];
/** One saved evidence item. */
export type Item = Submission['evidence'][number];
/** A kind of evidence (text, link, file, video). */
export type Kind = Requirement['kinds'][number];
/** What the learner has typed or uploaded for one item, across every kind they tried. */
export interface Draft {
  text: string;
  url: string;
  file: FileInfo | null;
}
/** A part of an item that a kind keeps. */
export type Part = 'text' | 'link' | 'file';

/** The longest text of one item (a written response, or the note beside a link or file). */
export const TEXT_LIMIT = LIMITS.evidenceTextMaxLength;

/** A count for people: 12345 → "12,345". */
export function count(n: number): string {
  return n.toLocaleString('en');
}

/** The counter under a limited field: "12,345 / 50,000 characters". */
export function counterText(length: number, max: number = TEXT_LIMIT): string {
  return `${count(length)} / ${count(max)} characters`;
}

/** Why a text is refused, or null when it fits: says how long it is, the limit and by how much to shorten it. */
export function overLimitMessage(length: number, max: number = TEXT_LIMIT): string | null {
  if (length <= max) return null;
  return `This is ${count(length)} characters; the limit is ${count(max)}. Shorten it by ${count(length - max)} characters — it is not saved until it fits.`;
}

/**
 * Whether pasting `pasted` over the selection [start, end) of `current` stays within `max`; if not, the message
 * saying so (the paste is then refused whole, never cut).
 */
export function pasteRefusal(
  current: string,
  start: number,
  end: number,
  pasted: string,
  acceptsFile: boolean,
  max: number = TEXT_LIMIT,
): string | null {
  const next = current.length - Math.max(0, end - start) + pasted.length;
  if (next <= max) return null;
  return `Nothing was pasted: the result would be ${count(next)} characters and the limit is ${count(max)}. Shorten the text first${acceptsFile ? ', or upload it as a file' : ''}.`;
}

/** The parts of a draft that `kind` saves: a written response; a link or file with an optional note; a video by file or link. */
export function keptParts(kind: Kind, d: Draft): Part[] {
  const parts: Part[] = [];
  if (kind === 'link' && d.url.trim()) parts.push('link');
  if (kind === 'file' && d.file) parts.push('file');
  if (kind === 'video') {
    if (d.file) parts.push('file');
    else if (d.url.trim()) parts.push('link');
  }
  if (d.text.trim()) parts.push('text');
  return parts;
}

/** What switching from one kind to another would drop (empty when nothing is lost). */
export function droppedBySwitch(from: Kind, to: Kind, d: Draft): Part[] {
  const kept = keptParts(to, d);
  return keptParts(from, d).filter((p) => !kept.includes(p));
}

/** Whether `kind` has its main content in the draft (a response, a link, a file), so it can be saved. */
export function complete(kind: Kind, d: Draft): boolean {
  if (kind === 'text') return d.text.trim() !== '';
  if (kind === 'link') return d.url.trim() !== '';
  if (kind === 'file') return d.file !== null;
  return d.file !== null || d.url.trim() !== '';
}

/** Whether a saved item carries any evidence. */
export function hasContent(item: Item | undefined): boolean {
  return Boolean(item && (item.text?.trim() || item.url || item.file));
}

/** What the learner can do for a requirement, in words: "write a response, add a link or upload a file". */
export function actionsFor(kinds: readonly Kind[]): string {
  // A video is given by upload or by link: with a link kind beside it, "add a link" already says the second half.
  const words: Record<Kind, string> = {
    text: 'write a response',
    link: 'add a link',
    file: 'upload a file',
    video: kinds.includes('link') ? 'upload a video' : 'upload a video or add a video link',
  };
  const list = kinds.map((k) => words[k]);
  if (list.length <= 1) return list[0] ?? 'add evidence';
  return `${list.slice(0, -1).join(', ')} or ${list[list.length - 1] ?? ''}`;
}

/** A required requirement without evidence, with its position and the message shown on its card. */
export interface Missing {
  requirement: Requirement;
  index: number;
  message: string;
}

/** The required evidence a submission still lacks, in the order of the requirements. */
export function missingEvidence(s: Pick<Submission, 'achievement' | 'evidence'>): Missing[] {
  return s.achievement.evidenceRequirements.flatMap((r, index) => {
    if (!r.required || hasContent(s.evidence.find((e) => e.requirementId === r.id))) return [];
    const doWhat = actionsFor(r.kinds);
    return [{ requirement: r, index, message: `Evidence ${index + 1} is required: ${doWhat.charAt(0).toUpperCase()}${doWhat.slice(1)}.` }];
  });
}

/** A saved item in a few words, for "saved now" notes and the submit summary. */
export function describeItem(item: Item): string {
  const parts: string[] = [];
  if (item.file) parts.push(`the file “${item.file.name}”`);
  if (item.url) parts.push(`the link ${item.url}`);
  if (item.text?.trim())
    parts.push(item.kind === 'text' ? `a written response (${count(item.text.length)} characters)` : 'a note for the assessor');
  return parts.length > 0 ? parts.join(' with ') : 'nothing yet';
}

/** Words for a part: "your link", "your file", "your written response". */
export function partWords(part: Part, d: Draft): string {
  if (part === 'link') return `your link ${d.url.trim()}`;
  if (part === 'file') return d.file ? `your file “${d.file.name}”` : 'your file';
  return 'your written text';
}
