import { useEffect, useRef, type RefObject } from 'react';

/** A <dialog> shown as modal while the component is mounted (closed on unmount). Give the ref to the <dialog>. */
export function useModal(): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return ref;
}

/** A dialog's heading (`${id}-h`, for aria-labelledby) and its × button. */
export function DialogHead({ id, title, closeLabel, dialog }: { id: string; title: string; closeLabel: string; dialog: RefObject<HTMLDialogElement | null> }) {
  return (
    <div className="dialog-head">
      <h2 id={`${id}-h`}>{title}</h2>
      <button type="button" className="icon-btn" aria-label={closeLabel} onClick={() => dialog.current?.close()}>×</button>
    </div>
  );
}
