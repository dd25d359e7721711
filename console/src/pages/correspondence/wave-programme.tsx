// The programme's coming sendings of a staff wave's letter, named above its audience before either is sent
// (programme-sends.ts): whether the programme's letter will be held for this wave, or its recipients have it twice.
import { SAME_LETTER_LOOKBACK_DAYS } from "../../../../shared/waves/same-letter-window.ts";
import { href } from "../../router.ts";
import { useLoad } from "../../ui/load.tsx";
import { programmeViews } from "./data.ts";
import { type ProgrammeSending, programmeSendings, programmeYearsAround } from "./programme-sends.ts";
import { utcText } from "./time.ts";
import { AUDIENCES, type Wave } from "./wave-facts.ts";

function Sending({ sending, wave }: { sending: ProgrammeSending; wave: Wave }) {
  const { year, activityId, activityTitle, audience, firesAt, held } = sending;
  const when = (
    <>
      on <time dateTime={firesAt}>{utcText(firesAt)}</time> (
      <a href={href.programmeItem(year, activityId)}>{activityTitle}</a>)
    </>
  );
  if (held) {
    return (
      <li data-held>
        To this audience {when}: within {SAME_LETTER_LOOKBACK_DAYS} days of this wave, so once this wave is scheduled or
        sent, the programme's letter is held as a draft and not sent.
      </li>
    );
  }
  if (audience === wave.audience) {
    return (
      <li>
        To this audience {when}, more than {SAME_LETTER_LOOKBACK_DAYS} days from this wave: its recipients will have the
        letter twice.
      </li>
    );
  }
  return (
    <li>
      To {AUDIENCES[audience]} {when}: those in both audiences will have the letter twice.
    </li>
  );
}

export function ProgrammeSends({ wave }: { wave: Wave }) {
  const years = programmeYearsAround(wave);
  const [read] = useLoad(
    async () => {
      // The schedules' reading (croner) is loaded with the programme years, by this page alone.
      const [{ firstFiringBetween }, views] = await Promise.all([
        import("../../../../shared/schedules/send-day.ts"),
        programmeViews(years),
      ]);
      return programmeSendings(views, wave, new Date(), firstFiringBetween);
    },
    `${wave.id}:${years.join(",")}`,
  );
  // A caution beside the audience: nothing while it is read, and a line, not the page's error, when it cannot be.
  if (read.status === "loading") return null;
  if (read.status === "failed") {
    return <p class="muted">The programme's own sendings of this letter could not be read: {read.message}</p>;
  }
  const sendings = read.data;
  if (sendings.length === 0) return null;
  return (
    <div class="caution" data-field="programme-sends">
      <p>
        <strong>The programme of work's schedules also send this letter, by themselves:</strong>
      </p>
      <ul>
        {sendings.map((sending) => (
          <Sending key={`${sending.waveKey}:${sending.firesAt}`} sending={sending} wave={wave} />
        ))}
      </ul>
    </div>
  );
}
