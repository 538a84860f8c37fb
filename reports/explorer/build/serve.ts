/**
 * `npm run explorer`: serves the built explorer (dist/explorer/) on
 * localhost and prints its URL. A tiny static server (node:http): GET and
 * HEAD of files inside the folder, with their content types; nothing else.
 * Options: --port N (default 8080; 0 = any free port), --dir FOLDER.
 */
import { createReadStream, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { repositoryRoot } from "./root.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Start serving `dir` on 127.0.0.1:`port`; resolves with the server and its URL once listening. */
export function serveStatic(dir: string, port = 8080): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = normalize(join(root, path.endsWith("/") ? path + "index.html" : path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error("not a file");
      size = st.size;
    } catch {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`not found: ${path}\n`);
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-length": size, "cache-control": "no-cache" });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      ok({ server, url: `http://localhost:${actual}/` });
    });
  });
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(option("--dir") ?? join(repositoryRoot(), "dist/explorer"));
  const port = Number(option("--port") ?? process.env.PORT ?? 8080);
  try {
    statSync(join(dir, "index.html"));
  } catch {
    process.stderr.write(`no explorer in ${dir}: run \`npm run build\` first\n`);
    process.exit(1);
  }
  serveStatic(dir, port).then(
    ({ url }) => process.stdout.write(`marketfutures explorer: ${url}  (serving ${dir}; Ctrl-C to stop)\n`),
    (err: NodeJS.ErrnoException) => {
      process.stderr.write(
        err.code === "EADDRINUSE" ? `port ${port} is in use: try --port ${port + 1} (or --port 0 for any free port)\n` : `cannot serve: ${err.message}\n`,
      );
      process.exit(1);
    },
  );
}
