// A small history router: the app's paths are routes.json's, which the server answers with index.html.
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set();

function here() {
  return { path: location.pathname, state: history.state ?? {} };
}

/** Goes to a path of the app; state (such as a notice for the next page) travels in the history entry. */
export function navigate(to, { replace = false, state = {} } = {}) {
  history[replace ? 'replaceState' : 'pushState'](state, '', to);
  for (const listener of listeners) listener();
}

export function useLocation() {
  const [location, setLocation] = useState(here);
  useEffect(() => {
    const update = () => setLocation(here());
    listeners.add(update);
    addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      removeEventListener('popstate', update);
    };
  }, []);
  return location;
}

/** A link that stays in the app; a click with a modifier key opens a new tab as usual. */
export function Link({ to, state, ...props }) {
  function onClick(event) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to, { state });
  }
  return <a {...props} href={to} onClick={onClick} />;
}
