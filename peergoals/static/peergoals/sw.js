// PeerGoals' service worker, served at /sw.js for the whole site (peergoals/installable.py).
// It keeps only the app shell (styles, scripts, icons) and the peer's today page, so the day's
// steps open and take taps with no connection; nothing else is cached, and a signed-out page
// removes all of it (offline.js; the sign-out answer also carries Clear-Site-Data). It sends
// the taps saved on the phone (queue.js) when Background Sync says the connection is back, and
// shows reminders pushed to it, whose "Done" and "Not today" record a check-in.
importScripts("/static/peergoals/queue.js");

const SHELL = "peergoals-shell-v1";
const TODAY = "peergoals-today-v1";
const TODAY_PAGE = "/me/";
const SHELL_FILES = [
  "/static/peergoals/peergoals.css",
  "/static/peergoals/peergoals.js",
  "/static/peergoals/queue.js",
  "/static/peergoals/offline.js",
  "/static/peergoals/vendor/htmx.min.js",
  "/static/peergoals/favicon.svg",
  "/static/peergoals/icons/icon-192.png",
];
const queue = self.PeerGoalsQueue;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(SHELL_FILES)));
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

async function shellFile(request) {
  const cached = await caches.match(request, { cacheName: SHELL });
  return cached || fetch(request);
}

// The today page from the network when there is one (kept for later), the kept copy when not.
async function todayPage(request) {
  try {
    const response = await fetch(request);
    const url = new URL(response.url);
    if (response.ok && !response.redirected && url.pathname === TODAY_PAGE) {
      const cache = await caches.open(TODAY);
      await cache.put(TODAY_PAGE, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(TODAY_PAGE, { cacheName: TODAY });
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (SHELL_FILES.includes(url.pathname)) {
    event.respondWith(shellFile(request));
  } else if (request.mode === "navigate" && ["/", TODAY_PAGE].includes(url.pathname)) {
    event.respondWith(todayPage(request));
  }
});

async function tellPages(result) {
  const pages = await self.clients.matchAll({ type: "window" });
  pages.forEach((page) => page.postMessage({ type: "taps-sent", result }));
}

async function sendSaved() {
  const result = await queue.sendAll();
  if (result.sent || result.refused) await tellPages(result);
  return result;
}

self.addEventListener("sync", (event) => {
  if (event.tag === "peergoals-taps") event.waitUntil(sendSaved());
});

// A check-in from a reminder's button: saved like a tap, then sent at once (or when the
// connection returns). Only a step's check-in address on this site is accepted.
async function checkInFromNotification(checkIn, action) {
  const url = new URL(checkIn.url, self.location.origin);
  const step = Number(checkIn.step);
  if (url.origin !== self.location.origin || url.pathname !== `/steps/${step}/check-in/`) return null;
  const outcome = action === "done" ? "done" : "not_done";
  const prefix = `step-${step}-`;
  await queue.keep(queue.tap(url.pathname, prefix, [[`${prefix}outcome`, outcome]]));
  const result = await sendSaved();
  if (result.waiting && self.registration.sync) {
    await self.registration.sync.register("peergoals-taps").catch(() => {});
  }
  return result;
}

async function openPage(address) {
  const url = new URL(address || "/", self.location.origin);
  const target = url.origin === self.location.origin ? url.href : self.location.origin + "/";
  const pages = await self.clients.matchAll({ type: "window" });
  const open = pages.find((page) => page.url === target);
  return open ? open.focus() : self.clients.openWindow(target);
}

self.addEventListener("push", (event) => {
  const reminder = event.data ? event.data.json() : null;
  if (!reminder || !reminder.title) return;
  event.waitUntil(
    self.registration.showNotification(reminder.title, {
      body: reminder.body || "",
      tag: reminder.tag || undefined,
      icon: "/static/peergoals/icons/icon-192.png",
      data: { url: reminder.url || "/", checkIn: reminder.check_in || null },
      actions: (reminder.check_in && reminder.actions) || [],
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  const notification = event.notification;
  const { url, checkIn } = notification.data || {};
  notification.close();
  if (checkIn && (event.action === "done" || event.action === "not_today")) {
    event.waitUntil(checkInFromNotification(checkIn, event.action));
  } else {
    event.waitUntil(openPage(url));
  }
});

self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type === "signed-out") {
    event.waitUntil(
      Promise.all([caches.keys().then((names) => Promise.all(names.map((name) => caches.delete(name)))), queue.forget()]),
    );
  } else if (message.type === "check-in-from-notification") {
    // The same path as a reminder's button, for the page to test it (a same-origin page could
    // send this check-in itself; it gains nothing it didn't have).
    event.waitUntil(
      checkInFromNotification(message.checkIn, message.action).then((result) =>
        event.source.postMessage({ type: "check-in-from-notification", result }),
      ),
    );
  }
});
