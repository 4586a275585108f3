// A value computed once per engine object and kept on that object. The rules ask for a Sidecar's
// view (and other per-object reads) some seventy times per Sidecar; a WeakMap lookup costs about
// 100 ns where a property read costs a few, which at 100k Sidecars was seconds of a lint run.
// Only for the engine's own objects (snapshot resources), never for the input's manifests: it
// adds a hidden property, non-enumerable so that spreads and JSON never carry it.
export function objectMemo<O extends object, V>(description: string, compute: (object: O) => V): (object: O) => V {
  const key = Symbol(description);
  return (object) => {
    const held = (object as { [key]?: V })[key];
    if (held !== undefined) return held;
    const value = compute(object);
    Object.defineProperty(object, key, { value, enumerable: false });
    return value;
  };
}
