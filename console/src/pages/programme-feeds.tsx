// One's personal calendar feeds (ADR 0023): issue one (its address is shown this once, and takes the focus: the API
// keeps only a hash), list them, revoke one (asked first: the calendars subscribed to it stop at once, and what was
// revoked is said after). A calendar application subscribes to the address without a token.
import { useEffect, useState } from "preact/hooks";
import { deskDay } from "../../../shared/zoned-time.ts";
import { api, dataOf, type Schemas } from "../api/client.ts";
import { BusyButton } from "../ui/busy-button.tsx";
import { Confirm } from "../ui/confirm.tsx";
import { useFocusReturn } from "../ui/focus-return.ts";
import { FormProblem, fieldProblem, formProblem, InputField, RefusalScope, useWrites } from "../ui/form.tsx";
import { ListTable } from "../ui/list-table.tsx";
import { Show, useLoad } from "../ui/load.tsx";

type IssuedFeed = Schemas["IssuedCalendarFeed"];

async function feeds() {
  return dataOf(await api.GET("/programme/feeds", {}));
}

async function issueFeed(label: string): Promise<IssuedFeed> {
  return dataOf(await api.POST("/programme/feeds", { body: label.trim() ? { label } : {} }));
}

async function revokeFeed(id: string): Promise<void> {
  const result = await api.DELETE("/programme/feeds/{id}", { params: { path: { id } } });
  if (!result.response.ok) dataOf(result);
}

function IssuedAddress({ feed }: { feed: IssuedFeed }) {
  // The API answers the path below its base URL; the console shares the API's origin.
  const address = `${window.location.origin}${feed.path}`;
  // The address is what the reader came for, shown this once: the focus goes there, selecting it for a copy.
  useEffect(() => document.getElementById("feed-address")?.focus(), [feed.id]);
  return (
    <div class="panel" aria-live="polite">
      <h3>Your new feed{feed.label ? ` "${feed.label}"` : ""}</h3>
      <p>
        Subscribe to this address in your calendar application. It is shown only now: copy it. Anyone who holds it can
        read the programme until you revoke the feed or it expires on {deskDay(feed.expires)}.
      </p>
      <div class="field">
        <label for="feed-address">Feed address</label>
        <input id="feed-address" class="wide" readOnly value={address} onFocus={(e) => e.currentTarget.select()} />
      </div>
    </div>
  );
}

export function CalendarFeeds() {
  const [round, setRound] = useState(0);
  const [loaded] = useLoad(feeds, `feeds/${round}`);
  const [label, setLabel] = useState("");
  const [issued, setIssued] = useState<IssuedFeed>();
  // The feed whose revoking is being asked, and the words after one is revoked.
  const [asking, setAsking] = useState<string>();
  const [revoked, setRevoked] = useState<string>();
  // Issuing and revoking share the form's problem: a refused revoke is said, and focused, above the label field.
  const { busy, problem, run } = useWrites();
  // A revoked feed's row leaves with its button (drawn again once the question closes, until the list is read again):
  // the next feed's button takes the focus, else the label field.
  const focusReturn = useFocusReturn();
  const nextAfterRevoke = (revoked: string) => () =>
    [...document.querySelectorAll<HTMLElement>('[data-list="feeds"] button')].find(
      (button) => button.id !== `revoke-${revoked}`,
    ) ?? document.getElementById("feed-label");

  const act = (event: Event, action: () => Promise<void>) =>
    run(event, async () => {
      await action();
      setRound((n) => n + 1);
    });

  const general = formProblem(problem, ["label"]);
  return (
    <section aria-labelledby="feeds-title" data-refusal-scope>
      <h2 id="feeds-title">Your calendar feeds</h2>
      <form
        class="record"
        noValidate
        aria-label="Issue a calendar feed"
        onSubmit={(event) =>
          void act(event, async () => {
            setRevoked(undefined);
            setIssued(await issueFeed(label));
            setLabel("");
          })
        }
      >
        {general && <FormProblem>{general}</FormProblem>}
        <RefusalScope refusal={problem}>
          <InputField
            id="feed-label"
            label="Label (optional, e.g. phone)"
            problem={fieldProblem(problem, "label")}
            value={label}
            onInput={setLabel}
          />
        </RefusalScope>
        <BusyButton type="submit" busy={busy}>
          Issue a feed
        </BusyButton>
      </form>
      {issued && <IssuedAddress feed={issued} />}
      <p role="status" id="feed-revoked">
        {revoked}
      </p>
      <Show what={loaded}>
        {(list) =>
          list.feeds.length === 0 ? (
            <p>You have no live feed (at most {list.limit}).</p>
          ) : (
            <ListTable
              label="Your live feeds"
              caption="Your live feeds, oldest first"
              list="feeds"
              rows={list.feeds}
              keyOf={(feed) => feed.id}
              columns={[
                { header: "Label", cell: (feed) => feed.label ?? "(no label)" },
                { header: "Issued", cell: (feed) => deskDay(feed.created) },
                { header: "Expires", cell: (feed) => deskDay(feed.expires) },
                {
                  header: "Revoke",
                  cell: (feed) => {
                    const name = feed.label ?? deskDay(feed.created);
                    const keep = () => {
                      setAsking(undefined);
                      focusReturn.closed(() => document.getElementById(`revoke-${feed.id}`));
                    };
                    return asking === feed.id ? (
                      <Confirm
                        question={`Revoke the feed ${name}? The calendars subscribed to it stop receiving the programme at once.`}
                        yes="Yes, revoke it"
                        no="Keep it"
                        busy={busy}
                        onYes={(event) =>
                          void act(event, async () => {
                            await revokeFeed(feed.id);
                            setAsking(undefined);
                            if (issued?.id === feed.id) setIssued(undefined);
                            setRevoked(`Revoked the feed ${name}: its address reads nothing any more.`);
                            focusReturn.closed(nextAfterRevoke(feed.id));
                          })
                        }
                        onNo={keep}
                        onKeyDown={focusReturn.escapeCloses(keep)}
                      />
                    ) : (
                      <button
                        type="button"
                        id={`revoke-${feed.id}`}
                        onClick={() => {
                          focusReturn.opened();
                          setRevoked(undefined);
                          setAsking(feed.id);
                        }}
                      >
                        Revoke {name}
                      </button>
                    );
                  },
                },
              ]}
            />
          )
        }
      </Show>
    </section>
  );
}
