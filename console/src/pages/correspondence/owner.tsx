// A letter's owner (STATE:<iso3> or ORG:<id>) as a link to the State's page, or the organization's id.
import { href } from "../../router.ts";

export function OwnerName({ owner, name }: { owner: string; name?: string | undefined }) {
  const [kind, id = owner] = owner.split(":");
  if (kind === "STATE") return <a href={href.state(id)}>{name ?? id}</a>;
  return <>{name ?? id}</>;
}
