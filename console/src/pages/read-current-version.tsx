// A correction refused as stale (412): the button that reads the record's current version in place (a reload would
// sign the reader out) while the form keeps what was typed, and the status line that then says what stands and what
// saving sends (typed-over.ts); a record gone meanwhile (voided) is handed to the page instead, to say so. The
// contacts' forms have their own button, which names the contact (state/contact-stale.tsx), and share ReadAgainStatus.
import { useEffect, useRef, useState } from "preact/hooks";
import type { Submitting } from "../ui/form.tsx";
import { messageOf } from "../ui/load.tsx";

/** How a form tells a record read again that is gone (a submission voided meanwhile), and lets it go. */
export interface GoneRecord<T> {
  is: (current: T) => boolean;
  leave: (current: T) => Promise<void>;
}

/** Offered while the form's write is refused as stale; a read that fails says so beside it, to be tried again. */
export function ReadCurrentVersion<T>(props: {
  submitting: Submitting;
  /** The record as it stands now, with its ETag. */
  read: () => Promise<T>;
  onRead: (current: T) => void;
  /** Names the button's failure: `${id}-problem`. */
  id: string;
  /**
   * A record read again that is gone (a submission voided meanwhile): `leave` has it instead of `onRead`, to say so
   * and let the form go; until then the 412 stays said, and a failure of `leave` is said as the reading's.
   */
  gone?: GoneRecord<T>;
}) {
  const [failed, setFailed] = useState<string>();
  if (props.submitting.problem?.status !== 412) return null;
  const problemId = `${props.id}-problem`;
  const { gone } = props;
  const fail = (error: unknown) => setFailed(`Could not read the current version: ${messageOf(error)}`);
  const readAgain = () =>
    props.read().then((current) => {
      if (gone?.is(current)) return gone.leave(current).catch(fail);
      setFailed(undefined);
      props.submitting.dismiss();
      props.onRead(current);
    }, fail);
  return (
    <>
      <button
        type="button"
        class="secondary"
        id={props.id}
        aria-describedby={failed ? problemId : undefined}
        onClick={() => void readAgain()}
      >
        Read the current version (keeps what you typed)
      </button>
      {failed && (
        <span role="alert" class="error" id={problemId}>
          {" "}
          {failed}
        </span>
      )}
    </>
  );
}

/**
 * What the reading found, said politely. The button pressed leaves with the refusal: the keyboard goes on from these
 * words, unless the reader has moved on elsewhere meanwhile.
 */
export function ReadAgainStatus({ id, read }: { id: string; read: { words: string } | undefined }) {
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    const form = status.current?.closest("form");
    if (active === null || active === document.body || form?.contains(active)) status.current?.focus();
  }, [read]);
  if (!read) return null;
  return (
    <p role="status" id={id} tabIndex={-1} ref={status}>
      {read.words}
    </p>
  );
}
