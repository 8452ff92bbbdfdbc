/** Files dropped anywhere on the page open the import dialog. */
export function installDropTarget({ onDragging, onFile }: { onDragging: (on: boolean) => void; onFile: (file: File) => void }): () => void {
  const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  const over = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    onDragging(true);
  };
  const leave = (e: DragEvent) => {
    if (!e.relatedTarget) onDragging(false);
  };
  const drop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    onDragging(false);
    const file = e.dataTransfer?.files?.[0];
    if (file) onFile(file);
  };
  window.addEventListener('dragover', over);
  window.addEventListener('dragleave', leave);
  window.addEventListener('drop', drop);
  return () => {
    window.removeEventListener('dragover', over);
    window.removeEventListener('dragleave', leave);
    window.removeEventListener('drop', drop);
  };
}
