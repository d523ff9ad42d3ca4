import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { CredentialPageView } from './credential-page.js';
import { humanDate } from './html.js';

type Json = Record<string, unknown>;
const rec = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);

/** A QR code for a URL, as SVG text or PNG bytes. */
export async function qrCode(url: string, format: 'svg' | 'png'): Promise<{ bytes: Uint8Array; mimeType: string }> {
  if (format === 'svg')
    return {
      bytes: new TextEncoder().encode(await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })),
      mimeType: 'image/svg+xml',
    };
  return {
    bytes: new Uint8Array(await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 512 })),
    mimeType: 'image/png',
  };
}

/** Badge image size on the certificate, in points. */
const BADGE_SIZE = 84;
/** Height in points kept for the achievement's description (longer text ends in an ellipsis, so the page stays one). */
const DESCRIPTION_HEIGHT = 44;

/**
 * A one-page printable certificate (A4 landscape): tagged PDF with a title, language and reading order for
 * screen readers, the badge image (PNG or JPEG bytes; none when null), the achievement and its description,
 * recipient, issuer, dates, the verification URL and a QR code to it.
 */
export async function certificatePdf(v: CredentialPageView, badge: Uint8Array | null): Promise<Uint8Array> {
  const c = v.credential;
  const subject = rec(first(c['credentialSubject']));
  const achievement = rec(subject['achievement']);
  const name = String(achievement['name'] ?? c['name'] ?? 'Credential');
  const issuer = String(rec(c['issuer'])['name'] ?? '');
  const description = typeof achievement['description'] === 'string' ? achievement['description'].trim() : '';
  const qr = await QRCode.toBuffer(v.pageUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 300 });
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 56,
    tagged: true,
    lang: 'en',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: `${name}: certificate`, Author: issuer, Subject: `Open Badges 3.0 credential ${v.pageUrl}`, Creator: 'Tessera' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const width = doc.page.width - 112;
  doc.markContent('Artifact', { type: 'Layout' });
  doc
    .rect(28, 28, doc.page.width - 56, doc.page.height - 56)
    .lineWidth(3)
    .stroke('#2f3e9e');
  doc.endMarkedContent();
  const section = doc.struct('Sect');
  doc.addStructure(section);
  const para = (text: string, font: string, size: number, color = '#1a1b1e', role: 'H1' | 'P' = 'P') => {
    section.add(
      doc.struct(role, {}, () => {
        doc.font(font).fontSize(size).fillColor(color).text(text, 56, undefined, { width, align: 'center' });
      }),
    );
    doc.moveDown(0.6);
  };
  if (badge) {
    section.add(
      doc.struct('Figure', { alt: `Badge image for ${name}` }, () => {
        doc.image(Buffer.from(badge), (doc.page.width - BADGE_SIZE) / 2, 44, {
          fit: [BADGE_SIZE, BADGE_SIZE],
          align: 'center',
          valign: 'center',
        });
      }),
    );
  }
  doc.y = badge ? 44 + BADGE_SIZE + 10 : 90;
  para('CERTIFICATE OF ACHIEVEMENT', 'Helvetica-Bold', 14, '#2f3e9e');
  para(name, 'Helvetica-Bold', 28, '#1a1b1e', 'H1');
  if (description) {
    section.add(
      doc.struct('P', {}, () => {
        doc
          .font('Helvetica')
          .fontSize(11)
          .fillColor('#343a40')
          .text(description, 56 + 60, undefined, { width: width - 120, align: 'center', height: DESCRIPTION_HEIGHT, ellipsis: true });
      }),
    );
    doc.moveDown(0.6);
  }
  para(v.recipientName ? `awarded to ${v.recipientName}` : 'awarded to the holder of this verifiable credential', 'Helvetica', 16);
  para(`by ${issuer}`, 'Helvetica', 16);
  const until = c['validUntil'] ? ` · valid until ${humanDate(c['validUntil'])}` : '';
  para(`Issued ${humanDate(c['validFrom'] ?? c['issuanceDate'])}${until}`, 'Helvetica', 12, '#343a40');
  if (v.status !== 'active')
    para(`Status: ${v.status.toUpperCase()}${v.statusReason ? ` (${v.statusReason})` : ''}`, 'Helvetica-Bold', 12, '#c92a2a');
  const qrSize = 110;
  const y = doc.page.height - 56 - qrSize - 16;
  section.add(
    doc.struct('Figure', { alt: `QR code linking to ${v.pageUrl}` }, () => {
      doc.image(qr, 56 + 8, y, { width: qrSize, height: qrSize });
    }),
  );
  section.add(
    doc.struct('P', {}, () => {
      doc
        .font('Helvetica')
        .fontSize(10)
        .fillColor('#1a1b1e')
        .text(
          `Verify this credential at ${v.pageUrl} or with any Open Badges 3.0 verifier. It is digitally signed by ${issuer}.`,
          56 + qrSize + 24,
          y + 30,
          { width: width - qrSize - 32 },
        );
    }),
  );
  section.end();
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
