import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';

/** An email to send. */
export interface MailInput {
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
  return {
    transport: 'smtp',
    deliver: async (mail) => {
      await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
