// Loading a page's data: one state for pending, failed and loaded, so every page shows each the same way.
import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ProblemError } from "../api/client.ts";
import { problemInFull } from "./problem-words.ts";

export type Loaded<T> = { status: "loading" } | { status: "failed"; message: string } | { status: "ready"; data: T };

/**
 * Runs `load` on mount and whenever `key` changes; `reload` runs it again after a write, and resolves once what it
 * read is shown (or its failure), so a stale write's reading again (ui/form.tsx, `onStale`) keeps the write busy until
 * the page shows the version the next press writes against. `put` shows what a write answered (the record as written,
 * with its new ETag) at once, so a press right after it writes against that version; a reading begun before it is
 * then dropped when it comes, being older.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): [Loaded<T>, () => Promise<void>, (data: T) => void] {
  const [state, setState] = useState<Loaded<T>>({ status: "loading" });
  const { round, reload, shown } = useRounds();
  // Each reading and each `put` takes the next number; a reading's answer is shown only while its number is the last.
  const latest = useRef(0);
  // `key` names what `load` reads; `round` asks again after a write.
  useEffect(() => {
    const mine = ++latest.current;
    const show = (next: Loaded<T>) => {
      if (latest.current !== mine) return;
      setState(next);
      shown();
    };
    load().then(
      (data) => show({ status: "ready", data }),
      (error: unknown) => show({ status: "failed", message: messageOf(error) }),
    );
    return () => {
      latest.current += 1;
    };
  }, [key, round]);
  const put = useCallback(
    (data: T) => {
      latest.current += 1;
      setState({ status: "ready", data });
      shown();
    },
    [shown],
  );
  return [state, reload, put];
}

/**
 * The rounds of a reading asked again: `reload` starts the next round and resolves when the hook that reads calls
 * `shown` (useLoad's, and usePolled's for data that changes by itself).
 */
export function useRounds(): { round: number; reload: () => Promise<void>; shown: () => void } {
  const [round, setRound] = useState(0);
  const waiting = useRef<(() => void)[]>([]);
  const reload = useCallback(
    () =>
      new Promise<void>((done) => {
        waiting.current.push(done);
        setRound((n) => n + 1);
      }),
    [],
  );
  const shown = useCallback(() => {
    for (const done of waiting.current.splice(0)) done();
  }, []);
  return { round, reload, shown };
}

/** What went wrong, in one line: a problem with each field error it names (a reading shows no field). */
export function messageOf(error: unknown): string {
  if (error instanceof ProblemError) return problemInFull(error.problem);
  return error instanceof Error ? error.message : String(error);
}

export function Show<T>({ what, children }: { what: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (what.status === "loading") return <p aria-live="polite">Loading…</p>;
  if (what.status === "failed") {
    return (
      <p role="alert" class="error">
        {what.message}
      </p>
    );
  }
  return <>{children(what.data)}</>;
}
