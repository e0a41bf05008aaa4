// Bytes → text. Drafts come as UTF-8 (with or without BOM), UTF-16 from Windows tools, or GB18030
// from older Chinese Office installs; we try them in that order and say which one we used.

export interface Decoded {
  text: string;
  /** Set when the file was not plain UTF-8. */
  note?: string;
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), note: '按 UTF-16LE 编码读取' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), note: '按 UTF-16BE 编码读取' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    // Not valid UTF-8: a GB18030 file decodes cleanly; binary garbage does not, and is read leniently.
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), note: '文件不是 UTF-8 编码，已按 GB18030 读取' };
    } catch {
      return { text: new TextDecoder('utf-8').decode(bytes), note: '文件含有无效的 UTF-8 字节，已用替换字符读取' };
    }
  }
}
