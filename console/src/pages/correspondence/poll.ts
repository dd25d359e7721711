// Data that changes by itself (a wave while it sends): loaded, then asked again every few seconds while `keepAsking`
// says so; the last answer stays on screen while the next is fetched, so counts change in place without a flash.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { type Loaded, messageOf, useRounds } from "../../ui/load.tsx";

export function usePolled<T>(
  load: () => Promise<T>,
  key: string,
  { everyMs, keepAsking }: { everyMs: number; keepAsking: (data: T) => boolean },
): [Loaded<T>, () => Promise<void>, (data: T) => void] {
  const [state, setState] = useState<Loaded<T>>({ status: "loading" });
  // As useLoad's: `reload` resolves once the round's first answer (or its failure) is shown, and `put` shows what a
  // write answered at once, dropping an answer asked for before it (being older); the asking goes on from it.
  const { round, reload, shown } = useRounds();
  // Whether to ask again is judged with the page's latest facts (a wave's page learns when its schedule fires anew).
  const keepAskingNow = useRef(keepAsking);
  keepAskingNow.current = keepAsking;
  const putHere = useRef<((data: T) => void) | undefined>(undefined);
  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let answered = false;
    // Each ask and each put takes the next number; an answer is shown only while its number is the last.
    let latest = 0;
    const show = (data: T) => {
      answered = true;
      setState({ status: "ready", data });
      shown();
      if (keepAskingNow.current(data)) timer = setTimeout(ask, everyMs);
    };
    const ask = () => {
      const mine = ++latest;
      load().then(
        (data) => {
          if (current && mine === latest) show(data);
        },
        (error: unknown) => {
          if (!current || mine !== latest) return;
          // A failed poll keeps the last answer on screen and tries again; a failed first load is the page's failure.
          if (answered) timer = setTimeout(ask, everyMs);
          else setState({ status: "failed", message: messageOf(error) });
          shown();
        },
      );
    };
    putHere.current = (data) => {
      latest += 1;
      clearTimeout(timer);
      show(data);
    };
    ask();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, round]);
  const put = useCallback((data: T) => putHere.current?.(data), []);
  return [state, reload, put];
}
