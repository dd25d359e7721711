// The current route, following the window's hash.
import { useEffect, useState } from "preact/hooks";
import { type Route, routeOf } from "./routes.ts";

export { href, type Route, routeOf } from "./routes.ts";

export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(routeOf(window.location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}
