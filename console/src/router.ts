// Hash routes (#/states/MLI): a static host serves one index.html for every page, no rewrite rules needed.
import { useEffect, useState } from "preact/hooks";

export type Route =
  | { page: "home" }
  | { page: "states"; query: URLSearchParams }
  | { page: "state"; iso3: string }
  | { page: "not-found"; path: string };

export function routeOf(hash: string): Route {
  const [path = "", search = ""] = hash.replace(/^#/, "").split("?");
  const parts = path.split("/").filter(Boolean);
  if (parts.length === 0) return { page: "home" };
  if (parts[0] === "states" && parts.length === 1) return { page: "states", query: new URLSearchParams(search) };
  if (parts[0] === "states" && parts.length === 2 && /^[A-Za-z]{3}$/.test(parts[1] ?? "")) {
    return { page: "state", iso3: (parts[1] ?? "").toUpperCase() };
  }
  return { page: "not-found", path };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(routeOf(window.location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}

export const href = {
  home: () => "#/",
  states: (query?: URLSearchParams) => (query && query.size > 0 ? `#/states?${query}` : "#/states"),
  state: (iso3: string) => `#/states/${iso3}`,
};
