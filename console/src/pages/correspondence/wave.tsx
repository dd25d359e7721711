// One wave: what it is, its progress while it sends (asked again every few seconds while it or its letters move,
// announced politely), who it would reach and who is skipped and why, for the secretariat a test copy, schedule (not
// offered once a draft's send time has passed: said in words, with what to do) and cancel, then its letters from the
// send ledger (a State written to at its Mission listed and counted once, a bounce or a complaint said in plain words)
// and the States and organizations it did not write to (those a halt left, by name) or could not reach; a halted
// wave's next step as the runbook says it; for the secretariat too, a letter left unknown sent again, and a stalled
// wave dispatched again (a wave its schedule missed is asked for again only then). Each wave's ledger the page's parts
// read is read once for each version of the wave (wave-page-reads.ts). Before it is sent, the page cautions about its
// recipients (another wave of the same letter to them, a letter not written to its audience), and scheduling it asks
// first while a caution stands (wave-moves.tsx).
import { useMemo, useState } from "preact/hooks";
import { may } from "../../auth/access.ts";
import type { Session } from "../../auth/session.ts";
import { href } from "../../router.ts";
import { BusyButton } from "../../ui/busy-button.tsx";
import { useFocusReturn } from "../../ui/focus-return.ts";
import { Field, FormProblem, fieldProblem, formProblem, RefusalScope, SelectField, useSubmit } from "../../ui/form.tsx";
import { type Loaded, Show, useLoad } from "../../ui/load.tsx";
import { ScrollTable } from "../../ui/scroll-table.tsx";
import { useOwnerNames } from "../use-owner-names.ts";
import { audienceCaution } from "./audience-fit.ts";
import {
  FIRST_RECIPIENT,
  ownersByName,
  ownersCounted,
  recipientChoices,
  recipientsByName,
  skippedByReason,
  skipsByOtherWave,
} from "./audience-lists.ts";
import { templateWords } from "./compose-template-words.ts";
import {
  type AudiencePreview,
  audienceOf,
  messagesOf,
  type Redispatch,
  sendTestCopy,
  type Template,
  templateWithEtag,
  unreachedOf,
  type Versioned,
  type WaveMessage,
  type WaveTestSent,
  waveWithEtag,
} from "./data.ts";
import { LANGUAGES } from "./languages.ts";
import { OwnerName } from "./owner.tsx";
import { usePolled } from "./poll.ts";
import {
  holdingWaveIds,
  letterSkipSentence,
  namesAnotherWave,
  type SkipSentence,
  skipSentence,
} from "./skip-other-wave.ts";
import { SkipNamingWave, useHolders } from "./skip-other-wave-view.tsx";
import { dayInWords, utcText } from "./time.ts";
import {
  AUDIENCES,
  byOwnerName,
  countsOf,
  inNameOrder,
  keepsMoving,
  letterCountsOf,
  ownerCode,
  progressText,
  SKIP_REASONS,
  sendTimeInZone,
  UNREACHED_REASONS,
  type WaveWithCounts,
  waveHeading,
} from "./wave-facts.ts";
import { afterSendTimePassed, HALT_IS_FINAL, haltedNextSteps, sendTimePassedWords } from "./wave-halted.ts";
import { writtenLaterWords, writtenSince } from "./wave-late-bounce.ts";
import {
  besideTheLetters,
  letterRows,
  noLetterWords,
  noneLeftOutWords,
  notWrittenTo,
  notWrittenWhy,
  skippedContacts,
  someBounced,
  type Why,
} from "./wave-letter-rows.ts";
import { MovedMeanwhile, Moves, useMovedMeanwhile, type WaveMoves } from "./wave-moves.tsx";
import { readEachOnce, type WaveReads } from "./wave-page-reads.ts";
import { ProgrammeSends } from "./wave-programme.tsx";
import { DispatchAgain } from "./wave-redispatch.tsx";
import { type Resending, SendAgain, SendAgainButton } from "./wave-resend.tsx";
import { type RestChain, useRestChain, WaveRest } from "./wave-rest-link.tsx";
import { sameLetterConsequence, sameLetterWhen, scheduleDoubts, waveName } from "./wave-schedule-doubts.ts";

/** How often a wave in flight is asked for its counts. */
const POLL_MS = 3_000;

/** The wave's template by what it is for (its description), linked; its id until read, or if it cannot be. */
function TemplateName({ id, template }: { id: string; template: Loaded<Template> }) {
  return <a href={href.template(id)}>{template.status === "ready" ? templateWords(template.data) : id}</a>;
}

function Facts({ wave, template }: { wave: WaveWithCounts; template: Loaded<Template> }) {
  const inZone = sendTimeInZone(wave);
  return (
    <dl class="facts">
      <dt>Status</dt>
      <dd>
        {/* Focusable by script: where the focus goes when the wave is cancelled, as the status says it. */}
        <strong id="wave-status" data-field="status" tabIndex={-1}>
          {wave.status}
        </strong>
        {wave.haltReason ? `: ${wave.haltReason}` : ""}
      </dd>
      <dt>Template</dt>
      <dd>
        <TemplateName id={wave.templateId} template={template} />
      </dd>
      <dt>Audience</dt>
      <dd>{AUDIENCES[wave.audience]}</dd>
      <dt>Sends</dt>
      <dd data-field="sends">
        {inZone && `${inZone} (`}
        <time dateTime={wave.sendInstant}>{utcText(wave.sendInstant)}</time>
        {inZone && ")"}
      </dd>
      <dt>No letter after</dt>
      <dd>
        <time dateTime={wave.notAfter}>{utcText(wave.notAfter)}</time>
      </dd>
      {wave.deadline && (
        <>
          <dt>Deadline in the letters</dt>
          <dd>{wave.deadline}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * The letters by status, then the ledger's other rows in words once its letters are read (a State written to at its
 * Mission is counted once, by its letter).
 */
function Progress(props: {
  wave: WaveWithCounts;
  messages: Loaded<WaveMessage[]>;
  mayResend: boolean;
  moving: boolean;
}) {
  const { wave, messages, mayResend } = props;
  const counts = letterCountsOf(wave.counts);
  const beside =
    messages.status === "ready" ? besideTheLetters(messages.data, wave.counts.unreached ?? 0, wave.status) : "";
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">Progress</h2>
      <div aria-live="polite" data-live="counts">
        <p data-field="progress">{progressText(wave.counts, wave.status, mayResend)}</p>
        {counts.length > 0 && (
          <table class="counts">
            <caption class="visually-hidden">Letters by status</caption>
            <tbody>
              {counts.map(([status, count]) => (
                <tr key={status}>
                  <th scope="row">{status}</th>
                  <td class="number" data-count={status}>
                    {count}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {beside && <p data-field="beside-letters">{beside}</p>}
      </div>
      {props.moving && <p class="muted">Updated every few seconds while the wave or its letters move.</p>}
    </section>
  );
}

type Recipient = AudiencePreview["recipients"][number];

/** Who a letter greets: the person for the secretariat; for the others only whether the Mission stands in. */
const addressee = (recipient: Recipient, personal: boolean) => {
  const mission = recipient.addressedTo === "permanent-mission";
  if (!personal) return mission ? "The Permanent Mission" : "A point of contact";
  return `${recipient.contact.name ?? ""}${mission ? " (Permanent Mission)" : ""}`;
};

/** Owners by name, each linked to its page, in a sentence ("Chad, Mali"); an owner named twice, once. */
function OwnerNames({ owners }: { owners: readonly Recipient["owner"][] }) {
  return (
    <>
      {ownersByName(owners).map((owner, index) => (
        <span key={owner.owner}>
          {index > 0 && ", "}
          <OwnerName owner={owner.owner} name={owner.name} />
        </span>
      ))}
    </>
  );
}

function Audience({ preview }: { preview: AudiencePreview }) {
  // The API gives the person to the secretariat alone (ADR 0048): its answer says which reader this is.
  const personal = preview.recipients.some((recipient) => recipient.email !== undefined);
  // A State with no active point of contact is among the letters to Missions, or not reached: no skipped contact.
  const skipped = skippedContacts(preview.skipped);
  const byReason = skippedByReason(preview.skipped);
  const toMissions = preview.recipients.filter((r) => r.addressedTo === "permanent-mission");
  return (
    <>
      <p data-field="audience-counts">
        <strong>{preview.recipients.length}</strong> letters would go out
        {toMissions.length > 0 &&
          ` (${toMissions.length} to Permanent Missions, for want of a reachable point of contact)`}
        ; <strong>{skipped.length}</strong> contacts skipped; <strong>{preview.unreached.length}</strong> not reached at
        all.
      </p>
      {toMissions.length > 0 && (
        <p data-field="to-missions">
          Written to at the Permanent Mission: <OwnerNames owners={toMissions.map((r) => r.owner)} />.
        </p>
      )}
      {byReason.length > 0 && (
        <>
          <h3>Skipped, and why</h3>
          <ul>
            {byReason.map(([reason, skips]) =>
              namesAnotherWave(reason) ? (
                skipsByOtherWave(skips).map(([other, ofWave]) => (
                  <li key={`${reason}:${other?.waveId}`}>
                    <strong>
                      <SkipNamingWave sentence={skipSentence(reason, other)} />
                    </strong>{" "}
                    ({ownersCounted(ofWave)}): <OwnerNames owners={ofWave.map((skip) => skip.owner)} />
                  </li>
                ))
              ) : (
                <li key={reason}>
                  <strong>{SKIP_REASONS[reason]}</strong> ({ownersCounted(skips)}):{" "}
                  <OwnerNames owners={skips.map((skip) => skip.owner)} />
                </li>
              ),
            )}
          </ul>
        </>
      )}
      {preview.unreached.length > 0 && (
        <>
          <h3>Not reached at all</h3>
          <ul>
            {preview.unreached.map((owner) => (
              <li key={owner.owner.owner}>
                <OwnerName owner={owner.owner.owner} name={owner.owner.name} /> ({UNREACHED_REASONS[owner.reason]}):{" "}
                {owner.detail}
              </li>
            ))}
          </ul>
        </>
      )}
      <details>
        <summary>The {preview.recipients.length} recipients</summary>
        {!personal && preview.recipients.length > 0 && (
          <p class="muted">Names and addresses are the secretariat's alone.</p>
        )}
        <ScrollTable label="Recipients">
          <table>
            <caption class="visually-hidden">Recipients</caption>
            <thead>
              <tr>
                <th scope="col">To</th>
                <th scope="col">{personal ? "Contact" : "Addressed to"}</th>
                {personal && <th scope="col">Address</th>}
                <th scope="col">Language</th>
              </tr>
            </thead>
            <tbody>
              {recipientsByName(preview.recipients).map((recipient) => (
                <tr key={recipient.recipient}>
                  <td>
                    <OwnerName owner={recipient.owner.owner} name={recipient.owner.name} />
                  </td>
                  <td>{addressee(recipient, personal)}</td>
                  {personal && <td>{recipient.email}</td>}
                  <td>{LANGUAGES[recipient.language].name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </details>
    </>
  );
}

/**
 * The day the API resolved the audience for: the wave's send day while it is ahead (follow-ups fall due, points of
 * contact and offers go stale with the day alone, so the list may differ from today's), else today.
 */
function ResolvedFor({ day, sendInstant }: { day: string; sendInstant: string }) {
  return (
    <p data-field="audience-as-of">
      As dispatch will resolve it on <strong>{dayInWords(day)}</strong>
      {new Date(sendInstant) > new Date()
        ? ", the wave's send day in New York (the day its letters are dated): follow-ups owed, points of contact gone stale and stale providers are judged on that day."
        : " (today: the send time has passed)."}
    </p>
  );
}

/** The other waves of this template to this audience (the API's sameLetter), and what that means for its recipients. */
function SameLetter(props: { waves: AudiencePreview["sameLetter"]; audience: WaveWithCounts["audience"] }) {
  const { waves, audience } = props;
  if (waves.length === 0) return null;
  return (
    <div class="caution" data-field="same-letter">
      <p>
        <strong>
          This letter also goes to this audience in{" "}
          {waves.length === 1 ? "another wave" : `${waves.length} other waves`}:
        </strong>
      </p>
      <ul>
        {waves.map((wave) => (
          <li key={wave.id}>
            <a href={href.wave(wave.id)}>{waveName(wave)}</a> ({sameLetterWhen(wave)})
          </li>
        ))}
      </ul>
      <p>{sameLetterConsequence(audience)}</p>
    </div>
  );
}

/** The composer's caution (audience-fit.ts), for a wave made any way: its template is not written to its audience. */
function AudienceCaution({ template, wave }: { template: Loaded<Template>; wave: WaveWithCounts }) {
  const caution = template.status === "ready" ? audienceCaution(template.data, wave.audience) : undefined;
  if (!caution) return null;
  return (
    <div class="caution" data-field="audience-caution">
      <p>{caution}</p>
    </div>
  );
}

function AudiencePanel(props: { preview: Loaded<AudiencePreview>; template: Loaded<Template>; wave: WaveWithCounts }) {
  const { preview, wave } = props;
  return (
    <section aria-labelledby="audience-title">
      <h2 id="audience-title">Who it would reach</h2>
      <AudienceCaution template={props.template} wave={wave} />
      <ProgrammeSends wave={wave} />
      <Show what={preview}>
        {(data) => (
          <>
            <SameLetter waves={data.sameLetter} audience={wave.audience} />
            <ResolvedFor day={data.asOfDay} sendInstant={wave.sendInstant} />
            <Audience preview={data} />
          </>
        )}
      </Show>
    </section>
  );
}

/** The audience's recipient with this contact, to name the owner a test copy was rendered for. */
function recipientNamed(preview: Loaded<AudiencePreview>, contactId: string) {
  return preview.status === "ready"
    ? preview.data.recipients.find((recipient) => recipient.contact.id === contactId)
    : undefined;
}

function TestCopy({ id, preview }: { id: string; preview: Loaded<AudiencePreview> }) {
  const [to, setTo] = useState("");
  const [contactId, setContactId] = useState(FIRST_RECIPIENT);
  const [sent, setSent] = useState<WaveTestSent>();
  const { busy, problem, submit } = useSubmit(async () => {
    setSent(undefined);
    setSent(await sendTestCopy(id, { to: to.trim(), ...(contactId ? { contactId } : {}) }));
  });
  const general = formProblem(problem, ["to", "contactId"]);
  return (
    <form class="record" onSubmit={submit} aria-labelledby="test-title" noValidate>
      <h3 id="test-title">Send a test copy</h3>
      {general && <FormProblem>{general}</FormProblem>}
      <RefusalScope refusal={problem}>
        <Field id="test-to" label="To (a staff address)" problem={fieldProblem(problem, "to")}>
          {(describedBy, invalid) => (
            <input
              id="test-to"
              type="email"
              value={to}
              autoComplete="email"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onInput={(e) => setTo(e.currentTarget.value)}
            />
          )}
        </Field>
        <SelectField
          id="test-contact"
          label="Rendered as the letter for"
          problem={fieldProblem(problem, "contactId")}
          value={contactId}
          choices={recipientChoices(preview.status === "ready" ? preview.data.recipients : [])}
          onChange={setContactId}
        />
      </RefusalScope>
      <BusyButton type="submit" busy={busy}>
        Send the test copy
      </BusyButton>
      {sent && (
        <p role="status" data-field="test-sent">
          Sent to {sent.to}: “{sent.subject}”, the letter for{" "}
          <OwnerName owner={sent.owner} name={recipientNamed(preview, sent.contactId)?.owner.name} /> in{" "}
          {LANGUAGES[sent.language].name}
          {sent.fellBack ? " (the fallback)" : ""}.
        </p>
      )}
    </form>
  );
}

function Messages(props: {
  wave: WaveWithCounts;
  messages: Loaded<WaveMessage[]>;
  names: ReadonlyMap<string, string>;
  rests: RestChain | undefined;
  reads: WaveReads;
  mayResend: boolean;
  onChanged: () => void;
}) {
  const { id } = props.wave;
  const { names } = props;
  const nameOf = (message: WaveMessage) => names.get(message.owner) ?? ownerCode(message.owner);
  const [resending, setResending] = useState<Resending>();
  const focusReturn = useFocusReturn();
  const { mayResend } = props;
  const holders = useHolders(holdingWaveIds(props.messages.status === "ready" ? props.messages.data : []), props.reads);
  // A rest's skip is settled once a later wave of its chain wrote to the owner.
  const chainLetters = props.rests?.letters;
  const since = chainLetters ? writtenSince(chainLetters.writers, props.rests?.chain ?? []) : undefined;
  return (
    <section aria-labelledby="messages-title">
      <h2 id="messages-title">Letters</h2>
      <Show what={props.messages}>
        {(list) => {
          const rows = letterRows(byOwnerName(list, names), props.wave.status);
          if (rows.length === 0) return <p>{noLetterWords(list)}</p>;
          const withActions = mayResend && list.some((message) => message.status === "unknown");
          // Addresses are the secretariat's alone (ADR 0048): without any, the column would stand empty.
          const withAddresses = list.some((message) => message.email !== undefined);
          return (
            <ScrollTable label="Letters of the wave">
              <table>
                <caption class="visually-hidden">Letters of the wave, by recipient's name</caption>
                <thead>
                  <tr>
                    <th scope="col">To</th>
                    {withAddresses && <th scope="col">Address</th>}
                    <th scope="col">Language</th>
                    <th scope="col">Status</th>
                    <th scope="col">Why</th>
                    {withActions && <th scope="col">Action</th>}
                  </tr>
                </thead>
                <tbody>
                  {rows.map(({ message, why }) => (
                    <tr key={message.recipient}>
                      <td>
                        <OwnerName owner={message.owner} name={names.get(message.owner)} />{" "}
                        <span class="muted">({ownerCode(message.owner)})</span>
                      </td>
                      {withAddresses && <td>{message.email ?? ""}</td>}
                      <td>
                        {message.letter
                          ? `${LANGUAGES[message.letter.language].name}${message.letter.fellBack ? " (fallback)" : ""}`
                          : ""}
                      </td>
                      <td>{message.status}</td>
                      <td>
                        <WhyWords why={why} naming={letterSkipSentence(message, holders, since)} />
                      </td>
                      {withActions && (
                        <td>
                          {message.status === "unknown" && (
                            <SendAgainButton
                              message={message}
                              name={nameOf(message)}
                              onOpen={() => {
                                focusReturn.opened();
                                setResending({ message, name: nameOf(message) });
                              }}
                            />
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          );
        }}
      </Show>
      {mayResend && (
        <SendAgain
          waveId={id}
          asking={resending}
          focusReturn={focusReturn}
          onClose={() => setResending(undefined)}
          onResent={props.onChanged}
        />
      )}
    </section>
  );
}

/**
 * Why a letter is as it is; SES's own words, when it gave any, after as the detail. A skip that names another wave
 * says it linked (`naming`).
 */
function WhyWords({ why, naming }: { why: Why; naming: SkipSentence | undefined }) {
  return (
    <>
      {naming ? <SkipNamingWave sentence={naming} /> : why.said}
      {why.ses && <div class="muted">SES: {why.ses}</div>}
    </>
  );
}

/**
 * The owners whose letters never left, or on a halted wave bounced (its rest), by name, each linked to its page; one a
 * later wave of its rest chain wrote to says so (`rests`, once read).
 */
function NotWrittenTo(props: {
  wave: WaveWithCounts;
  messages: readonly WaveMessage[];
  names: ReadonlyMap<string, string>;
  rests: RestChain | undefined;
}) {
  const { names, wave, rests } = props;
  const owners = notWrittenTo(props.messages, wave.status);
  if (owners.length === 0) return null;
  const nameOf = (owner: string) => names.get(owner) ?? ownerCode(owner);
  const bounced = someBounced(props.messages, owners);
  return (
    <>
      <p data-field="not-written-to">
        Not written to ({owners.length}): {notWrittenWhy(wave.status, owners.length, bounced)}.
      </p>
      <ul class="inline-list" data-list="not-written-to">
        {inNameOrder(owners, nameOf).map((owner) => {
          const later = rests?.letters && writtenLaterWords(rests.letters.writers, owner, wave.id);
          return (
            <li key={owner}>
              <OwnerName owner={owner} name={names.get(owner)} />
              {later && ` (${later})`}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** The owners the wave did not write to: those whose letters never left, then those it found no address for. */
function NotReached(props: {
  wave: WaveWithCounts;
  version: string;
  messages: Loaded<WaveMessage[]>;
  names: ReadonlyMap<string, string>;
  rests: RestChain | undefined;
  reads: WaveReads;
}) {
  const { wave, messages, names } = props;
  const [unreached] = useLoad(() => props.reads.unreachedOf(wave.id), `${wave.id}:${props.version}`);
  const letters = messages.status === "ready" ? messages.data : [];
  const noneLeftOut =
    unreached.status === "ready" && unreached.data.length === 0 && notWrittenTo(letters, wave.status).length === 0;
  return (
    <section aria-labelledby="unreached-title">
      <h2 id="unreached-title">Not reached</h2>
      <NotWrittenTo wave={wave} messages={letters} names={names} rests={props.rests} />
      {noneLeftOut && messages.status === "ready" && <p>{noneLeftOutWords(letters, wave.status, names)}</p>}
      <Show what={unreached}>
        {(list) =>
          list.length > 0 && (
            <ul data-list="unreached">
              {list.map((owner) => (
                <li key={owner.owner}>
                  <OwnerName owner={owner.owner} name={owner.name} /> ({UNREACHED_REASONS[owner.reason]}):{" "}
                  {owner.detail}
                </li>
              ))}
            </ul>
          )
        }
      </Show>
    </section>
  );
}

/**
 * A halted wave's next step, as the runbook says it (docs/operations.md, "A halted wave"), and its rest chain once
 * written (`rests`, once read).
 */
function HaltedNextSteps(props: {
  wave: WaveWithCounts;
  messages: Loaded<WaveMessage[]>;
  mayCompose: boolean;
  rests: RestChain | undefined;
  names: ReadonlyMap<string, string>;
}) {
  const { wave, mayCompose, rests } = props;
  const letters = props.messages.status === "ready" ? props.messages.data : [];
  const steps = haltedNextSteps(wave, letters, new Date(), { mayCompose, rests: rests?.chain ?? [] });
  if (steps.length === 0) return null;
  return (
    <section aria-labelledby="next-step-title" data-field="halted-next-steps">
      <h2 id="next-step-title">What to do next</h2>
      <p>{HALT_IS_FINAL}</p>
      <ol>
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {rests && <WaveRest wave={wave} rests={rests} names={props.names} mayCompose={mayCompose} />}
      {mayCompose && (
        <p>
          <a href={href.waveNew(wave.templateId)}>Compose a new wave with this template</a>
        </p>
      )}
    </section>
  );
}

/**
 * A wave not yet sent: who it would reach, with the cautions about them, and for the secretariat a test copy (to one of
 * them), schedule, cancel.
 */
function OpenWave(
  props: WaveMoves & {
    current: Versioned<WaveWithCounts>;
    session: Session;
    template: Loaded<Template>;
    showTemplate: (template: Template) => void;
  },
) {
  const { id, templateId, audience } = props.current.value;
  const { template, showTemplate } = props;
  // Its send time passed, a draft is refused a schedule (409): the page says so, and what to do, in place of the button.
  const sendTimePassed = sendTimePassedWords(props.current.value, new Date());
  const goOn = afterSendTimePassed(props.current.value);
  const [preview, , showPreview] = useLoad(() => audienceOf(id), id);
  // Read again at the press: another wave of the letter may have been scheduled since the page was opened.
  const doubtsNow = async () => {
    const [audienceNow, templateNow] = await Promise.all([audienceOf(id), templateWithEtag(templateId)]);
    showPreview(audienceNow);
    showTemplate(templateNow.value);
    return scheduleDoubts({ sameLetter: audienceNow.sameLetter, template: templateNow.value, audience });
  };
  return (
    <>
      <AudiencePanel preview={preview} template={template} wave={props.current.value} />
      {may(props.session.group, "POST /waves/{id}/schedule") && (
        <section aria-labelledby="actions-title">
          <h2 id="actions-title">Test, schedule, cancel</h2>
          <TestCopy id={id} preview={preview} />
          {sendTimePassed && (
            <div data-field="send-time-passed">
              <p>{sendTimePassed}</p>
              <p>
                <a href={goOn.href}>{goOn.words}</a>
              </p>
            </div>
          )}
          <Moves
            current={props.current}
            schedulable={!sendTimePassed}
            onMoved={props.onMoved}
            onStale={props.onStale}
            onCancelled={props.onCancelled}
            doubtsNow={doubtsNow}
          />
        </section>
      )}
    </>
  );
}

export function WavePage({ id, session }: { id: string; session: Session }) {
  // "Dispatch again" pressed on this page: a wave its schedule missed is asked for again until the new one fires it.
  const [redispatched, setRedispatched] = useState<{ waveId: string; firesAt: string }>();
  const firesAt = redispatched?.waveId === id ? redispatched.firesAt : undefined;
  const [loaded, reload, put] = usePolled(() => waveWithEtag(id), id, {
    everyMs: POLL_MS,
    keepAsking: (current) => keepsMoving(current.value, new Date(), firesAt),
  });
  const onRedispatched = (requested: Redispatch | undefined) => {
    if (requested) setRedispatched({ waveId: id, firesAt: requested.firesAt });
    void reload();
  };
  // A cancelled wave's page has no actions left, so the button pressed is gone: the focus goes to the status, once it
  // says "cancelled", rather than dropping to the page's body.
  const focusReturn = useFocusReturn();
  const movedMeanwhile = useMovedMeanwhile(id, session.group, put);
  const cancelled = () =>
    focusReturn.closed(() => {
      const status = document.getElementById("wave-status");
      return status?.textContent === "cancelled" ? status : null;
    });
  return (
    <Show what={loaded}>
      {(current) => (
        <LoadedWave
          current={current}
          session={session}
          onMoved={put}
          onStale={movedMeanwhile.readAgain}
          onCancelled={cancelled}
          reload={reload}
          firesAt={firesAt}
          onRedispatched={onRedispatched}
          movedMeanwhile={movedMeanwhile.said}
        />
      )}
    </Show>
  );
}

/** The wave as read, with its template read once for the facts and the cautions alike. */
function LoadedWave(
  props: WaveMoves & {
    current: Versioned<WaveWithCounts>;
    session: Session;
    reload: () => Promise<void>;
    /** When "Dispatch again", pressed on the page, made the wave's schedule fire. */
    firesAt: string | undefined;
    onRedispatched: (requested: Redispatch | undefined) => void;
    movedMeanwhile: Parameters<typeof MovedMeanwhile>[0]["said"];
  },
) {
  const { current, session, reload } = props;
  const wave = current.value;
  const [template, , showTemplate] = useLoad(
    async () => (await templateWithEtag(wave.templateId)).value,
    wave.templateId,
  );
  const open = wave.status === "draft" || wave.status === "scheduled";
  // The ledger's lists are asked again whenever the counts or the status change, not on every poll.
  const version = `${wave.status}:${countsOf(wave.counts).join(";")}`;
  // Its letters once the wave is dispatched: listed under Letters, and counted with its progress.
  const listed = !open && wave.status !== "cancelled";
  // Each wave's ledger and unreached read once for this version, whichever part of the page asks (wave-page-reads.ts).
  const reads = useMemo(() => readEachOnce({ lettersOf: messagesOf, unreachedOf }), [wave.id, version]);
  const [messages] = useLoad(async () => (listed ? reads.lettersOf(wave.id) : []), `${wave.id}:${version}`);
  const mayResend = may(session.group, "POST /waves/{id}/messages/{recipient}/resend");
  // Read once, not at each of the wave's versions: while it dispatches, its letters are read every 3 s.
  const names = useOwnerNames();
  const rests = useRestChain(wave, reads);
  const mayCompose = may(session.group, "POST /waves");
  const heading = waveHeading(wave);
  return (
    <>
      <h1>
        {heading.title} <small class="muted">({heading.id})</small>
      </h1>
      <p>
        <a href={href.waves()}>All waves</a>
      </p>
      <Facts wave={wave} template={template} />
      <Progress
        wave={wave}
        messages={messages}
        mayResend={mayResend}
        moving={keepsMoving(wave, new Date(), props.firesAt)}
      />
      <HaltedNextSteps wave={wave} messages={messages} mayCompose={mayCompose} rests={rests} names={names} />
      {wave.status === "completed" && rests && (
        <WaveRest wave={wave} rests={rests} names={names} mayCompose={mayCompose} />
      )}
      <MovedMeanwhile said={props.movedMeanwhile} />
      {open && (
        <OpenWave
          current={current}
          session={session}
          template={template}
          showTemplate={showTemplate}
          onMoved={props.onMoved}
          onStale={props.onStale}
          onCancelled={props.onCancelled}
        />
      )}
      {may(session.group, "POST /waves/{id}/redispatch") && <DispatchAgain wave={wave} onDone={props.onRedispatched} />}
      {listed && (
        <Messages
          wave={wave}
          messages={messages}
          names={names}
          rests={rests}
          reads={reads}
          mayResend={mayResend}
          onChanged={reload}
        />
      )}
      {listed && (
        <NotReached wave={wave} version={version} messages={messages} names={names} rests={rests} reads={reads} />
      )}
    </>
  );
}
