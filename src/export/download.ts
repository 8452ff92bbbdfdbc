/** Save text or a data URL as a file (Blob/object URL + <a download>). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 4000);
}

export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

/** A base64 data URL as a Blob, without fetch (which a strict connect-src would refuse). */
export function dataUrlToBlob(dataUrl: string): Blob {
  const m = /^data:([^;,]+)?(;base64)?,(.*)$/s.exec(dataUrl);
  if (!m) throw new Error('not a data URL');
  const type = m[1] ?? 'application/octet-stream';
  if (!m[2]) return new Blob([decodeURIComponent(m[3]!)], { type });
  const bin = atob(m[3]!);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}

export async function downloadDataUrl(dataUrl: string, fileName: string): Promise<void> {
  downloadBlob(dataUrlToBlob(dataUrl), fileName);
}
