// Every State's and organization's name by owner key, for a page that names owners the API gives by key or code:
// codes until the names arrive (NO_NAMES), read once per page.
import { ownerNames } from "../api/owner-names.ts";
import { useLoad } from "../ui/load.tsx";
import { NO_NAMES, type OwnerNames } from "./provider-names.ts";

export function useOwnerNames(): OwnerNames {
  const [owners] = useLoad(ownerNames, "owner-names");
  return owners.status === "ready" ? owners.data : NO_NAMES;
}
