/** The public surface of the mail slice: the only module other slices import. */
export { deliverMail } from './deliver-mail.js';
export { outboxOnlyMailer } from './mailer.js';
export { mailRoutes } from './routes.js';
export { DELIVER_MAIL_JOB, sendMail } from './send-mail.js';
