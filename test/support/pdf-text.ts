/**
 * A small PDF text extractor for tests (no dependency): inflates the content streams and decodes the
 * text operators pdfkit writes (hex strings in TJ arrays, WinAnsi encoding). One string per page,
 * one line per text operator. It also checks the file's frame: header, cross-reference table, trailer.
 */
import { inflateSync } from 'node:zlib';

const CP1252: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};

function decodeHex(hex: string): string {
  let out = '';
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const code = parseInt(hex.slice(i, i + 2), 16);
    out += CP1252[code] ?? String.fromCharCode(code);
  }
  return out;
}

function decodeLiteral(text: string): string {
  return text.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) =>
    /^[0-7]+$/.test(e)
      ? String.fromCharCode(parseInt(e, 8))
      : (({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e),
  );
}

export function pdfPages(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  if (!raw.startsWith('%PDF-')) throw new Error('not a PDF: header missing');
  if (!/startxref\s+\d+\s+%%EOF\s*$/.test(raw)) throw new Error('not a PDF: no startxref/%%EOF trailer');
  const xrefAt = Number(/startxref\s+(\d+)/.exec(raw.slice(-64))![1]);
  if (!raw.startsWith('xref', xrefAt)) throw new Error('not a PDF: startxref does not point at the xref table');
  const pages: string[] = [];
  const streamRe = /<<([^]*?)>>\s*stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streamRe.exec(raw))) {
    const start = match.index + match[0].length;
    const length = Number(/\/Length (\d+)/.exec(match[1])?.[1] ?? -1);
    const end = length >= 0 ? start + length : raw.indexOf('endstream', start);
    let body = pdf.subarray(start, end);
    if (/\/FlateDecode/.test(match[1])) body = inflateSync(body);
    const content = body.toString('latin1');
    if (!/\bBT\b/.test(content)) continue;
    const lines: string[] = [];
    const textRe =
      /\[((?:<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\)|\s|-?\d+(?:\.\d+)?)*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g;
    let t: RegExpExecArray | null;
    while ((t = textRe.exec(content))) {
      if (t[1] !== undefined) {
        const parts = [...t[1].matchAll(/<([0-9a-fA-F]*)>|\(((?:\\.|[^\\)])*)\)/g)].map((p) =>
          p[1] !== undefined ? decodeHex(p[1]) : decodeLiteral(p[2]),
        );
        lines.push(parts.join(''));
      } else if (t[2] !== undefined) lines.push(decodeHex(t[2]));
      else lines.push(decodeLiteral(t[3]));
    }
    pages.push(lines.join('\n'));
    streamRe.lastIndex = end;
  }
  return pages;
}
