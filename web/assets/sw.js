// llmdoctor's service worker: after the first visit the page works without a network.
//
// It keeps the page's own static files and nothing else: FILES below is written at build time
// (scripts/sw-precache.mjs, a Trunk post_build hook) from what Trunk put in dist/, and VERSION is a
// hash of their contents, so every build that changes a file is a new worker with a new cache.
// It never stores a response at run time, and no request it sees carries the paste: the page
// sends it nowhere (the share link keeps it in the URL fragment, which requests do not include).
//
//   hashed files (name-<hex>.ext, as Trunk names them): cache first; they never change.
//   the rest (index.html as "./", boot.js, texts/): network first, the cache when offline,
//   so an online visit always gets the newest page and the cache stays one consistent build.
//   anything else (other paths, other origins, non-GET): not answered; the browser fetches it.
//
// boot.js registers this worker on http(s) only, never in embed mode; the single-file build
// (scripts/single-file.mjs) and file:// never do.

const VERSION = "dev";
const FILES = [];

const OURS = new Set(FILES);
const CACHE = "llmdoctor-" + VERSION;
const HASHED = /-[0-9a-f]{10,16}(_bg)?\.[a-z0-9]+$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "no-cache" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith("llmdoctor-") && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const scope = new URL(self.registration.scope);
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  let file = "./" + url.pathname.slice(scope.pathname.length);
  if (file === "./index.html") file = "./";
  if (!OURS.has(file)) return;
  const cached = () => caches.match(new URL(file, scope).href, { cacheName: CACHE });
  if (HASHED.test(file)) {
    event.respondWith(cached().then((hit) => hit || fetch(request)));
  } else {
    event.respondWith(fetch(request).catch(() => cached().then((hit) => hit || Response.error())));
  }
});
