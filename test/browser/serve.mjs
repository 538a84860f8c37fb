/** Start reports/explorer/build/serve.ts on a free port for `dir`; resolves with {url, stop}. */
import { spawn } from "node:child_process";
import { join } from "node:path";

export function serve(root, dir) {
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "reports/explorer/build/serve.ts"), "--dir", dir, "--port", "0"], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/(http:\/\/localhost:\d+\/)/);
      if (m) resolve({ url: m[1], stop: () => child.kill() });
    });
    child.on("exit", (code) => reject(new Error(`server exited (${code}) before listening: ${out}`)));
  });
}
