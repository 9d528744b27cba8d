// Process: any (pure). The bytes of a chosen file become text, or a refusal the user can act on: a contacts
// file comes as UTF-8 (with or without a byte-order mark), UTF-16 from Outlook and Excel, or Windows-1252 from
// older Windows tools. Decoding uses the standard TextDecoder, which the browser, its workers and Node all have,
// so the same code runs in the import worker and on the command line; chardet only names the encoding.
import chardet from 'chardet';

/** Larger files would not fit one host command (the browser host's frames are 64 MB, its JSON about twice the file). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** A file the import cannot read at all; `message` is meant for the user as it stands. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}

export type DecodedText = { text: string; encoding: string };

/** Single-byte and East Asian encodings chardet may name that TextDecoder decodes; anything else is refused. */
const DECODABLE: Record<string, string> = {
  'UTF-8': 'utf-8', 'UTF-16LE': 'utf-16le', 'UTF-16BE': 'utf-16be',
  'ISO-8859-1': 'windows-1252', 'windows-1252': 'windows-1252', 'ISO-8859-2': 'iso-8859-2', 'windows-1250': 'windows-1250',
  'ISO-8859-5': 'iso-8859-5', 'windows-1251': 'windows-1251', 'KOI8-R': 'koi8-r', 'ISO-8859-7': 'iso-8859-7', 'windows-1253': 'windows-1253',
  'ISO-8859-9': 'windows-1254', 'windows-1254': 'windows-1254', 'Shift_JIS': 'shift_jis', 'EUC-JP': 'euc-jp', 'EUC-KR': 'euc-kr',
  'GB18030': 'gb18030', 'Big5': 'big5',
};

/** Files people pick by mistake, recognised by their first bytes, and what to do instead. */
const SAVE_AS_CSV = 'Save the sheet as CSV and choose that file.';
const SIGNATURES: [number[], string, string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (Excel and Numbers workbooks are ZIP archives)', SAVE_AS_CSV],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document', ''],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image', ''],
  [[0xff, 0xd8, 0xff], 'a JPEG image', ''],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image', ''],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office document (an Excel 97 workbook?)', SAVE_AS_CSV],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'a SQLite database', 'A Sphere store or backup is brought back with restore, not import.'],
];

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

export function decodeImportBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new ImportFileError('The file is empty: there is nobody in it to import.');
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ImportFileError(`The file is ${megabytes(bytes.length)} MB; an import takes at most ${megabytes(MAX_IMPORT_BYTES)} MB. Split it into smaller files.`);
  }
  for (const [prefix, what, instead] of SIGNATURES) {
    if (startsWith(bytes, prefix)) throw new ImportFileError(`This is ${what}, not a CSV or vCard file.${instead ? ` ${instead}` : ''}`);
  }
  let decoded: DecodedText;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) decoded = { text: decode('utf-8', bytes.subarray(3)), encoding: 'UTF-8 with BOM' };
  else if (startsWith(bytes, [0xff, 0xfe])) decoded = { text: decode('utf-16le', bytes.subarray(2)), encoding: 'UTF-16 LE' };
  else if (startsWith(bytes, [0xfe, 0xff])) decoded = { text: decode('utf-16be', bytes.subarray(2)), encoding: 'UTF-16 BE' };
  else decoded = withoutMark(bytes);
  if (decoded.text.trim() === '') throw new ImportFileError('The file holds no text: there is nobody in it to import.');
  // Text has no control characters besides tabs and line ends; a file full of them is not text, whatever it decoded as.
  if (controlShare(decoded.text) > 0.01) throw new ImportFileError('This file is not text (it looks binary). Choose a CSV or vCard (.vcf) file.');
  return decoded;
}

function withoutMark(bytes: Uint8Array): DecodedText {
  const utf16 = utf16WithoutMark(bytes);
  if (utf16) return { text: decode(utf16, bytes), encoding: utf16 === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE' };
  if (bytes.includes(0)) throw new ImportFileError('This file is not text (it holds zero bytes). Choose a CSV or vCard (.vcf) file.');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: some legacy encoding, named by its statistics.
  }
  const candidates = chardet.analyse(bytes.subarray(0, 256 * 1024));
  // Short Western files fool the East Asian detectors (a few accented letters read as Shift_JIS); Windows-1252 is
  // by far the likelier legacy encoding of a contacts file, so it wins unless another is clearly more likely.
  const western = candidates.find((c) => c.name === 'ISO-8859-1' || c.name === 'windows-1252');
  const best = candidates.find((c) => DECODABLE[c.name]);
  const chosen = western && (!best || best.confidence < western.confidence + 30) ? western : best;
  if (!chosen) {
    const named = candidates[0]?.name;
    throw new ImportFileError(`The file's text encoding is not one Sphere reads${named ? ` (it looks like ${named})` : ''}. Save it as UTF-8 and try again.`);
  }
  const encoding = DECODABLE[chosen.name]!;
  return { text: decode(encoding, bytes), encoding: encoding === 'windows-1252' ? 'Windows-1252' : chosen.name };
}

/** UTF-16 without a mark still shows itself: ASCII text in it has a zero in every other byte. */
function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function decode(encoding: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileError(`The file is not valid ${encoding.toUpperCase()} text (some of its bytes do not decode). Save it as UTF-8 and try again.`);
  }
}

function controlShare(text: string): number {
  const sample = text.slice(0, 64 * 1024);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) || code === 0xfffd) control++;
  }
  return control / sample.length;
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
