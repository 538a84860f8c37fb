import { isAbsolute, relative } from "node:path";

/** How a file is named in messages: relative to the working directory when it is inside it, else absolute. */
export function displayPath(absolute: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, absolute);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : absolute;
}
