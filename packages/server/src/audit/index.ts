/** The public surface of the audit slice: the only module other slices import. */
export { listAudit } from './list-audit.js';
export { recordAudit, recordAuditEvents } from './record-audit.js';
export type { AuditEventInput } from './record-audit.js';
