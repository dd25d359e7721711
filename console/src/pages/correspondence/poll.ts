// Data that changes by itself (a wave while it sends): loaded, then asked again every few seconds while `keepAsking`
// says so; the last answer stays on screen while the next is fetched, so counts change in place without a flash.
import { useEffect, useState } from "preact/hooks";
import { type Loaded, messageOf, useRounds } from "../../ui/load.tsx";

export function usePolled<T>(
  load: () => Promise<T>,
  key: string,
  { everyMs, keepAsking }: { everyMs: number; keepAsking: (data: T) => boolean },
): [Loaded<T>, () => Promise<void>] {
  const [state, setState] = useState<Loaded<T>>({ status: "loading" });
  // As useLoad's: `reload` resolves once the round's first answer (or its failure) is shown.
  const { round, reload, shown } = useRounds();
  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let answered = false;
    const ask = () =>
      load().then(
        (data) => {
          if (!current) return;
          answered = true;
          setState({ status: "ready", data });
          shown();
          if (keepAsking(data)) timer = setTimeout(ask, everyMs);
        },
        (error: unknown) => {
          if (!current) return;
          // A failed poll keeps the last answer on screen and tries again; a failed first load is the page's failure.
          if (answered) timer = setTimeout(ask, everyMs);
          else setState({ status: "failed", message: messageOf(error) });
          shown();
        },
      );
    ask();
    return () => {
      current = false;
      if (timer) clearTimeout(timer);
    };
  }, [key, round]);
  return [state, reload];
}
