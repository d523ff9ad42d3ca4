import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';

/** An email to send. */
export interface MailInput {
  /** The stored message's id; sent as the Message-ID, so a receiver can tell a repeat from a new message. */
  id?: string;
  to: string;
  subject: string;
  text: string;
}

/** Delivers email: SMTP when configured, else nothing leaves (the dev outbox keeps it). */
export interface Mailer {
  readonly transport: 'smtp' | 'outbox';
  deliver(mail: MailInput): Promise<void>;
}

/** A mailer that keeps mail in the outbox table only. */
export const outboxOnlyMailer: Mailer = {
  transport: 'outbox',
  deliver: async () => undefined,
};

/** A nodemailer SMTP mailer. */
export function smtpMailer(url: string, from: string): Mailer {
  const transporter: Transporter = nodemailer.createTransport(url);
  const domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'tessera.invalid';
  return {
    transport: 'smtp',
    deliver: async (mail) => {
      await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.id ? { messageId: `<${mail.id}@${domain}>` } : {}),
      });
    },
  };
}
