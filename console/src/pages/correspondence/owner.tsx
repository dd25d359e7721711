// A letter's owner (STATE:<iso3> or ORG:<id>) as a link to the State's or the organization's page.
import { href } from "../../router.ts";

export function OwnerName({ owner, name }: { owner: string; name?: string | undefined }) {
  const [kind, id = owner] = owner.split(":");
  if (kind === "STATE") return <a href={href.state(id)}>{name ?? id}</a>;
  if (kind === "ORG") return <a href={href.organization(id)}>{name ?? id}</a>;
  return <>{name ?? id}</>;
}
