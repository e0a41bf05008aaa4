// What a file really is, from its first bytes, and the safe opening of a .docx zip: only the parts
// the reader needs are inflated, and only after their declared sizes (from the zip's central
// directory) pass the limits. fflate inflates into a buffer of the declared size, so a part that
// lies about its size cannot grow past it: a zip bomb costs at most the limits below.

import { unzipSync } from 'fflate';

/** A problem with the file, said in Chinese for the person who gave it; never a stack trace. */
export class ConvertError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConvertError';
  }
}

export type FileKind = 'zip' | 'ole' | 'pdf' | 'rtf' | 'html' | 'text';

export function sniff(bytes: Uint8Array): FileKind {
  const b = bytes;
  if (b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05) && (b[3] === 0x04 || b[3] === 0x06)) return 'zip';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1) return 'ole';
  const head = new TextDecoder('latin1').decode(b.subarray(0, 1024));
  if (/^\s*%PDF-/.test(head)) return 'pdf';
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (/^(?:\ufeff|\xef\xbb\xbf)?\s*(?:<!doctype html|<html|<head|<body|<meta|<!--|<div|<p[\s>]|<table)/i.test(head)) return 'html';
  return 'text';
}

/** An OLE compound file is an old .doc, or a .docx protected with a password (EncryptedPackage stream). */
export function isEncryptedOoxml(bytes: Uint8Array): boolean {
  const needle = new Uint8Array([...'EncryptedPackage'].flatMap((ch) => [ch.charCodeAt(0), 0]));
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

export const LIMITS = {
  /** The .docx file itself. */
  fileBytes: 64 * 1024 * 1024,
  /** One inflated XML part (document.xml of a 300-page report is a few MB). */
  partBytes: 64 * 1024 * 1024,
  /** All inflated parts together. */
  totalBytes: 128 * 1024 * 1024,
  /** Compression ratio above which a large part is taken for a zip bomb. */
  ratio: 200,
  ratioMinBytes: 8 * 1024 * 1024,
};

/** Inflates the named parts of a zip after checking their declared sizes. */
export function readZipParts(bytes: Uint8Array, wanted: (name: string) => boolean, limits = LIMITS): Map<string, Uint8Array> {
  if (bytes.length > limits.fileBytes) throw new ConvertError(`文件过大（${mb(bytes.length)}，上限 ${mb(limits.fileBytes)}）`);
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f.name)) return false;
        if (f.originalSize > limits.partBytes) throw new ConvertError(`文件中的 ${f.name} 解压后过大（${mb(f.originalSize)}），疑似压缩炸弹，未读取`);
        if (f.originalSize > limits.ratioMinBytes && f.originalSize > f.size * limits.ratio)
          throw new ConvertError(`文件中的 ${f.name} 压缩比异常（${Math.round(f.originalSize / Math.max(1, f.size))} 倍），疑似压缩炸弹，未读取`);
        total += f.originalSize;
        if (total > limits.totalBytes) throw new ConvertError(`文件解压后总大小超过 ${mb(limits.totalBytes)}，疑似压缩炸弹，未读取`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ConvertError) throw e;
    throw new ConvertError('文件已损坏，无法作为 .docx（zip）打开');
  }
  return new Map(Object.entries(files));
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
