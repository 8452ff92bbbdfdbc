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

export async function downloadDataUrl(dataUrl: string, fileName: string): Promise<void> {
  const res = await fetch(dataUrl);
  downloadBlob(await res.blob(), fileName);
}
