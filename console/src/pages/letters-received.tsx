// The letters a State or an organization has been sent, newest first, each with its delivery status, the role of the
// contact it went to (read from the owner's contacts) and its wave (by its description, read first: record-names.ts):
// the send ledger's entries for their owner (ADR 0020), read through the State's timeline or the organization's
// letters, titled as letters sent to it (those it sent are its submissions). A letter to the State's Permanent Mission
// is one row, saying so, not also the wave's note that the State had no active point of contact (timeline-lines.ts); a
// row with no letter says so (letter-row-words.ts). The page reads the contacts once, for this panel and the contacts'.
import type { Schemas } from "../api/client.ts";
import { href } from "../routes.ts";
import { ListTable } from "../ui/list-table.tsx";
import type { Loaded } from "../ui/load.tsx";
import { Paged, type PageOf } from "../ui/paged.tsx";
import { Panel } from "../ui/panel.tsx";
import { withRecordNames } from "./record-names.ts";
import { RECORD_NAMES } from "./record-names-api.ts";
import { entryActionWords } from "./state/actions.ts";
import type { Contact } from "./state/data.ts";
import { dispatchedWords, letterHeading, recipientWords, rolesByContact } from "./state/letter-row-words.ts";
import { letterOf } from "./state/readings.ts";
import { type TimelineLine, TO_MISSION, timelineLines } from "./state/timeline-lines.ts";
import { recordsNamedBy } from "./state/timeline-words.ts";

interface LettersProps {
  load: (cursor?: string) => Promise<PageOf<Schemas["TimelineEntry"]>>;
  /** What `load` reads: a new key reads the letters again from the newest. */
  loadKey: string;
  /** `STATE:<iso3>` or `ORG:<id>`: whose letters, and whose contacts tell them apart. */
  owner: string;
  /** The owner's name as the panel's title says it: "Gambia", "the International Atomic Energy Agency". */
  ownerName: string;
}

/**
 * The panel's title: the letters the Committee sent to the owner (audit 36, item 14), not letters it received, which
 * are the submissions: "Letters sent to Gambia", "Letters sent to the International Atomic Energy Agency".
 */
const lettersTitle = (ownerName: string): string => `Letters sent to ${ownerName}`;

/** The panel with the owner's contacts its page read (`contacts`). */
export function LettersReceivedPanel(props: LettersProps & { contacts: Loaded<Contact[]> }) {
  const load = withRecordNames(RECORD_NAMES, props.load, recordsNamedBy);
  const who = props.owner.startsWith("STATE:") ? "State" : "organization";
  const { contacts } = props;
  // Unread or unreadable, the contacts leave the letters without their roles, not unshown.
  const roles = rolesByContact(contacts.status === "ready" ? contacts.data : []);
  return (
    <Panel id="letters" title={lettersTitle(props.ownerName)}>
      <Paged load={load} loadKey={props.loadKey} moreLabel="Show older letters">
        {(entries) => (
          <ListTable
            empty={`No letter sent to this ${who} yet.`}
            label={`Letters to the ${who}, newest first`}
            rows={timelineLines(entries)}
            keyOf={({ entry }) => entry.source.id}
            columns={[
              { header: "Date", cell: ({ entry }) => dispatchedWords(entry) },
              // The contact's role, and its address for the secretariat alone: left out where no entry names either.
              ...(entries.some((entry) => recipientWords(entry, roles))
                ? [{ header: "To", cell: ({ entry }: TimelineLine) => recipientWords(entry, roles) }]
                : []),
              { header: "Subject", names: true, cell: ({ entry }) => letterHeading(entry) },
              { header: "Language", cell: ({ entry }) => letterOf(entry).language },
              {
                header: "Status",
                cell: ({ entry, toMission }) => `${entryActionWords(entry)}${toMission ? TO_MISSION : ""}`,
              },
              { header: "Sent", cell: ({ entry }) => letterOf(entry).sentOn },
              {
                header: "Wave",
                cell: ({ entry }) => {
                  const { waveId } = letterOf(entry);
                  return waveId && <a href={href.wave(waveId)}>{RECORD_NAMES.name("wave", waveId) || waveId}</a>;
                },
              },
            ]}
          />
        )}
      </Paged>
    </Panel>
  );
}
