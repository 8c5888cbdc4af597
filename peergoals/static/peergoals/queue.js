// Check-in taps saved on this phone while it had no connection, shared by the page
// (offline.js) and the service worker (sw.js) through IndexedDB: the store "taps" holds each
// tap under the id the phone made for it, and "session" the CSRF token the signed-in page hands
// over, because the service worker cannot read a page. The server keeps one entry per tap id,
// so a tap sent twice (by the page and the service worker at once, or an answer lost on the
// way) is still one check-in.
(() => {
  const DATABASE = "peergoals";

  function open() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore("taps", { keyPath: "id" });
        request.result.createObjectStore("session");
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  async function run(store, mode, work) {
    const database = await open();
    return new Promise((resolve, reject) => {
      const transaction = database.transaction(store, mode);
      const request = work(transaction.objectStore(store));
      transaction.oncomplete = () => {
        database.close();
        resolve(request.result);
      };
      transaction.onerror = () => {
        database.close();
        reject(transaction.error);
      };
    });
  }

  function newId() {
    if (self.crypto.randomUUID) return self.crypto.randomUUID();
    const bytes = self.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  // The phone's own day, so a tap made before midnight and sent after counts for its day.
  function today() {
    const now = new Date();
    const two = (number) => String(number).padStart(2, "0");
    return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  }

  // A tap: the step's check-in address and the form's fields, named with the step's prefix.
  function tap(url, prefix, fields) {
    const id = newId();
    const kept = (name) => !["csrfmiddlewaretoken", "next"].includes(name) && !name.startsWith(prefix + "client_id") && !name.startsWith(prefix + "for_date");
    const entries = fields.filter(([name]) => kept(name));
    entries.push([`${prefix}client_id`, id], [`${prefix}for_date`, today()]);
    return { id, url, at: Date.now(), fields: entries };
  }

  // "sent", "refused" (the server said no, for good: the step was paused meanwhile, say) or
  // "waiting" (no connection, signed out, or a code to type: it stays saved on the phone).
  async function send(saved, csrf) {
    const body = new URLSearchParams(saved.fields);
    body.set("csrfmiddlewaretoken", csrf);
    let response;
    try {
      response = await fetch(saved.url, {
        method: "POST",
        body,
        credentials: "same-origin",
        redirect: "manual",
        headers: { "HX-Request": "true" },
      });
    } catch {
      return "waiting";
    }
    if (response.type === "opaqueredirect" || response.headers.has("HX-Redirect")) return "waiting";
    if (response.ok) return "sent";
    if ([400, 404, 409].includes(response.status)) return "refused";
    return "waiting";
  }

  async function sendAll() {
    const result = { sent: 0, refused: 0, waiting: 0 };
    const waiting = (await run("taps", "readonly", (store) => store.getAll())).sort(
      (one, other) => one.at - other.at,
    );
    const csrf = await run("session", "readonly", (store) => store.get("csrf"));
    if (!csrf) return { ...result, waiting: waiting.length };
    for (const saved of waiting) {
      const outcome = await send(saved, csrf);
      result[outcome] += 1;
      if (outcome !== "waiting") await run("taps", "readwrite", (store) => store.delete(saved.id));
    }
    return result;
  }

  let sending = null;

  self.PeerGoalsQueue = {
    tap,
    keep: (saved) => run("taps", "readwrite", (store) => store.put(saved)),
    count: () => run("taps", "readonly", (store) => store.count()),
    handOver: (csrf) => run("session", "readwrite", (store) => store.put(csrf, "csrf")),
    // One sender at a time across the pages and the service worker (Web Locks, where the
    // browser has them), so a tap is sent once; the ids make an overlap harmless anyway.
    sendAll() {
      const locked = self.navigator.locks
        ? self.navigator.locks.request("peergoals-taps", sendAll)
        : sendAll();
      sending = sending || locked.finally(() => {
        sending = null;
      });
      return sending;
    },
    forget: () =>
      Promise.all([
        run("taps", "readwrite", (store) => store.clear()),
        run("session", "readwrite", (store) => store.clear()),
      ]),
  };
})();
