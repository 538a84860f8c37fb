/**
 * The few path rules the loader needs, for `/`-separated names, without
 * node:path (the browser has none). Same results as Node's path.posix for
 * absolute names: `.` and `..` segments are resolved, repeated slashes
 * collapse, `..` above the root stays at the root.
 */

/** `/a/b/c.json` -> `/a/b`; the root's folder is the root. */
export function posixDirname(file: string): string {
  const i = file.lastIndexOf("/");
  return i <= 0 ? "/" : file.slice(0, i);
}

/**
 * The absolute name of `ref` seen from the folder `from` (absolute): like
 * path.posix.resolve(from, ref).
 * @example posixResolve("/scenarios", "../x/./y.json") // "/x/y.json"
 */
export function posixResolve(from: string, ref: string): string {
  const start = ref.startsWith("/") ? [] : from.split("/");
  const parts: string[] = [];
  for (const p of [...start, ...ref.split("/")]) {
    if (p === "" || p === ".") continue;
    if (p === "..") parts.pop();
    else parts.push(p);
  }
  return "/" + parts.join("/");
}

/** `file` relative to the folder `cwd` when it lies inside it, else `file` itself (as displayPath does on Node). */
export function posixDisplay(file: string, cwd: string): string {
  const prefix = cwd.endsWith("/") ? cwd : cwd + "/";
  return file.startsWith(prefix) && file.length > prefix.length ? file.slice(prefix.length) : file;
}
