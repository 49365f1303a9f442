/**
 * De-identification (去标识化) of personal data in published records: person
 * names, resident ID numbers (GB 11643 check digit and birth date verified; old
 * 15-digit numbers by their birth date), mobile and landline numbers, e-mail
 * addresses, and addresses cut to the county. One policy for a declared column
 * and for free text: applied in core before anything reaches the DOM, a search
 * index, an export or a published feed. The rules live in deidentify/; what they
 * find and what they cannot is in docs/deidentification.md.
 */
import { cutAddress, maskAddresses } from './deidentify/addresses.js';
import { maskEmails } from './deidentify/emails.js';
import { foldWidth } from './deidentify/fold.js';
import { Marks } from './deidentify/marks.js';
import { maskCuedNames, maskKnownNames, maskName } from './deidentify/names.js';
import {
  isCreditCode,
  isOldResidentId,
  isResidentId,
  maskIdValue,
  maskNumbers,
  maskPhoneValue,
  maskResidentId,
} from './deidentify/numbers.js';
import { publicContacts } from './deidentify/public.js';

export { cutAddress, isCreditCode, isOldResidentId, isResidentId, maskName, maskResidentId };

/** The ways a column of a record can be de-identified. */
export type Deidentify = 'name' | 'id' | 'phone' | 'address' | 'text';

export interface MaskOptions {
  /** Names known to be personal (the sender's own): masked wherever they appear, surname kept. */
  names?: readonly string[];
  /**
   * Contacts that are public and stay as written: the office's 咨询电话 (any
   * writing: 0952-6012345 also leaves 6012345), its e-mail address, its street
   * address.
   */
  publicContacts?: readonly string[];
  /** The text is Markdown: each mask star is written \*, so 139****5678 and 李**先生 do not turn into emphasis. */
  markdown?: boolean;
}

/**
 * A phone number with its middle digits masked, separators and width as written:
 * 13812345678 → 138****5678, +86 138 1234 5678 → +86 138 **** 5678,
 * 0952-6012345 → 0952-****345, （0952）6012345 → （0952）****345, 6012345 → ****345.
 */
export function maskPhone(phone: string): string {
  return maskPhoneValue(phone, foldWidth(phone));
}

/**
 * Free text (a message, a reply, a decision) with the personal data in it
 * masked the way the columns are: ID numbers, phone numbers and e-mail addresses
 * however they are written, addresses cut to the county, and the names of
 * people named with a cue (我叫…, 患者…, …先生) or given in `options.names`.
 * Amounts, dates, 文号, statute numbers, postal codes, credit codes and the
 * numbers in `options.publicContacts` stay. Every character outside a mask
 * stays as written. Linear in the length of the text.
 */
export function maskText(text: string, options: MaskOptions = {}): string {
  if (!text) return text;
  const folded = foldWidth(text);
  const marks = new Marks();
  const contacts = publicContacts(options.publicContacts);
  maskNumbers(folded, marks, contacts);
  maskEmails(folded, marks, contacts);
  maskAddresses(folded, marks, contacts);
  maskCuedNames(folded, marks);
  if (options.names?.length) maskKnownNames(folded, marks, options.names);
  return marks.apply(text, options.markdown ? '\\*' : '*');
}

/** One value de-identified the way its column declares. */
export function deidentify(value: string, how: Deidentify, options: MaskOptions = {}): string {
  switch (how) {
    case 'name':
      return maskName(value);
    case 'id':
      // Everything in an ID column is personal: a number with a typo is masked too.
      return maskIdValue(value.trim(), foldWidth(value.trim()));
    case 'phone':
      return maskPhone(value);
    case 'address':
      return maskText(cutAddress(value), options);
    default:
      return maskText(value, options);
  }
}
