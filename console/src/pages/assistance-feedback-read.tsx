// One feedback read with its ETag for a form over it, its correction's or its void's (ADR 0072): the form is drawn once
// it is read, and a stale write reads it again in place (`put`).
import type { ComponentChildren } from "preact";
import { Show, useLoad } from "../ui/load.tsx";
import { type Feedback, feedbackWithEtag, type Versioned } from "./assistance-data.ts";

export function FeedbackRead(props: {
  requestId: string;
  feedbackId: string;
  children: (current: Versioned<Feedback>, put: (now: Versioned<Feedback>) => void) => ComponentChildren;
}) {
  const [loaded, , put] = useLoad(
    () => feedbackWithEtag(props.requestId, props.feedbackId),
    `${props.requestId} ${props.feedbackId}`,
  );
  return <Show what={loaded}>{(current) => props.children(current, put)}</Show>;
}
