import { randomBytes, randomUUID } from 'node:crypto';
import { randomPool } from '@tessera/credentials';

/** Prefixes of the ids Tessera issues, one per entity. */
export const ID_PREFIXES = {
  account: 'acc',
  org: 'org',
  invitation: 'inv',
  key: 'key',
  audit: 'aud',
  mail: 'msg',
  job: 'job',
  reset: 'pwr',
  achievement: 'ach',
  version: 'acv',
  submission: 'sub',
  review: 'rev',
  file: 'fil',
  statusList: 'stl',
  notification: 'ntf',
  wallet: 'wal',
  collection: 'col',
  award: 'awd',
  apiToken: 'tok',
  bulkRun: 'blk',
  orgRole: 'orl',
  goal: 'gol',
  skillFramework: 'skf',
  skill: 'skl',
  alignment: 'aln',
  talentSearch: 'tls',
  talentView: 'tpv',
  talentContact: 'tcr',
  pathway: 'pth',
  pathwayVersion: 'pthv',
  completion: 'pcm',
  recognitionRule: 'rcr',
  recognitionRecord: 'rcd',
  endorsement: 'end',
  reviewInvitation: 'rvi',
  reviewComment: 'rvc',
} as const;

/** An entity kind that has an id prefix. */
export type IdKind = keyof typeof ID_PREFIXES;

/** Generates ids and secret tokens; injected so tests can be deterministic. */
export interface IdGenerator {
  id(kind: IdKind): string;
  token(bytes?: number): string;
  uuid(): string;
}

/** Random ids: prefix + 16 base32-ish characters (from the pooled CSPRNG); tokens (secrets) are base64url, fetched alone. */
export const randomIds: IdGenerator = {
  id: (kind) => `${ID_PREFIXES[kind]}_${randomPool.bytes(12).toString('base64url').replace(/[-_]/g, 'x').toLowerCase()}`,
  token: (bytes = 32) => randomBytes(bytes).toString('base64url'),
  uuid: () => randomUUID(),
};

/** Sequential ids for tests. */
export function sequentialIds(): IdGenerator {
  let n = 0;
  const next = () => (++n).toString().padStart(6, '0');
  return {
    id: (kind) => `${ID_PREFIXES[kind]}_${next()}`,
    token: () => `tok${next()}${randomBytes(8).toString('hex')}`,
    uuid: () => randomUUID(),
  };
}
