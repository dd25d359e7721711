// The programme's timetable, validated once on load: a bad programme.json fails at start, not when a schedule fires.
import { type Programme, programmeSchema } from "../shared/schedules/schema.ts";
import raw from "./programme.json" with { type: "json" };

export const programme: Programme = programmeSchema.parse(raw);
