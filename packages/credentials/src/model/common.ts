/** zod building blocks the OB 3.0 and CLR 2.0 models share (not part of the package's public API). */
import { z } from 'zod';

/** A URI (anything `URL` parses, e.g. https:, did:, urn:). */
export const Uri = z
  .string()
  .min(1)
  .refine((v) => URL.canParse(v), { message: 'Must be a URI' });
/** An XSD dateTime with a time zone. */
export const DateTime = z.iso.datetime({ offset: true });
/** A non-empty string. */
export const Text = z.string().min(1);

/** A `type` list (at least one IRI) that must include each of `names`. */
export const typesIncluding = (...names: string[]) =>
  z
    .array(z.string())
    .min(1)
    .refine((t) => names.every((n) => t.includes(n)), { message: `Must include ${names.join(' and ')}` });
