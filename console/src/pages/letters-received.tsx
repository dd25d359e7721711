// The letters a State or an organization has been sent, newest first, each with its delivery status, the role of the
// contact it went to (read from the owner's contacts) and its wave (by its description, read first: record-names.ts):
// the send ledger's entries for their owner (ADR 0020), read through the State's timeline or the organization's
// letters. A letter to the State's Permanent Mission is one row, saying so, not also the wave's note that the State
// had no active point of contact (timeline-lines.ts); a row with no letter says so (letter-row-words.ts). The panel
// reads the contacts itself (`LettersReceived`), or takes those its page read for it and the contacts' panel
// (`LettersReceivedPanel`).
import type { Schemas } from "../api/client.ts";
import { href } from "../routes.ts";
import { ListTable } from "../ui/list-table.tsx";
import { type Loaded, useLoad } from "../ui/load.tsx";
import { Paged, type PageOf } from "../ui/paged.tsx";
import { Panel } from "../ui/panel.tsx";
import { withRecordNames } from "./record-names.ts";
import { RECORD_NAMES } from "./record-names-api.ts";
import { entryActionWords } from "./state/actions.ts";
import { type Contact, contactsOf } from "./state/data.ts";
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
}

/** The panel reading the owner's contacts itself. */
export function LettersReceived(props: LettersProps) {
  const [contacts] = useLoad(() => contactsOf(props.owner), props.loadKey);
  return <LettersReceivedPanel {...props} contacts={contacts} />;
}

/** The panel with the owner's contacts its page read (`contacts`). */
export function LettersReceivedPanel(props: LettersProps & { contacts: Loaded<Contact[]> }) {
  const load = withRecordNames(RECORD_NAMES, props.load, recordsNamedBy);
  const who = props.owner.startsWith("STATE:") ? "State" : "organization";
  const { contacts } = props;
  // Unread or unreadable, the contacts leave the letters without their roles, not unshown.
  const roles = rolesByContact(contacts.status === "ready" ? contacts.data : []);
  return (
    <Panel id="letters" title="Letters received">
      <Paged load={load} loadKey={props.loadKey} moreLabel="Show older letters">
        {(entries) => (
          <ListTable
            empty={`No letter sent to this ${who} yet.`}
            label={`Letters sent to the ${who}`}
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
