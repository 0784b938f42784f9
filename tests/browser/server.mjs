// A minimal static file server for the browser tests, on 127.0.0.1 and a
// free port. Folders serve index.html; unknown paths get 404.html with 404.
// With `basePath` ("/equality/"), the folder is served under that path, as
// a host with a project address does, and nothing outside it is found.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".svg": "image/svg+xml",
  ".png": "image/png", ".jpg": "image/jpeg", ".js": "text/javascript", ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8", ".json": "application/json", ".csv": "text/csv; charset=utf-8" };

export function startServer(root, basePath = "/") {
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
    rel = rel.startsWith(basePath) ? "/" + rel.slice(basePath.length) : "/\0outside";
    if (rel.endsWith("/")) rel += "index.html";
    const file = path.join(root, path.normalize(rel));
    const inside = file.startsWith(root + path.sep);
    if (inside && fs.existsSync(file) && fs.statSync(file).isFile()) {
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      fs.createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(404, { "Content-Type": TYPES[".html"] });
    const notFound = path.join(root, "404.html");
    res.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : "Not found");
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ port: server.address().port, close: () => server.close() })));
}
