import { useEffect, useRef, useState } from 'preact/hooks';

/** A value that components can follow: `set` re-renders every component that `use`s it. */
export interface Store<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: () => void): () => void;
}

export const createStore = <T>(initial: T): Store<T> => {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};

export const useStore = <T>(store: Store<T>): T => {
  const [, rerender] = useState(0);
  useEffect(() => store.subscribe(() => rerender((n) => n + 1)), [store]);
  return store.get();
};

/**
 * Calls `onChange` when `value` changes after the first render (a form field following the URL
 * when the back button changes it), never on mount, where it would undo what the user just typed.
 */
export const useOnChange = <T>(value: T, onChange: (value: T) => void): void => {
  const previous = useRef(value);
  useEffect(() => {
    if (Object.is(previous.current, value)) return;
    previous.current = value;
    onChange(value);
  }, [value]);
};
