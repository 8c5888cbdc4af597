// A peer's phone on a weak signal: a check-in tap with no connection is saved on the phone
// (queue.js) and sent when the connection returns, by the service worker's Background Sync
// where the browser has it, otherwise when the page sees it is back online or is loaded. The
// page says so, in words it carries (data-* on <body>, translated). On a signed-out page
// nothing of the last person stays: caches, saved taps and the service worker are removed.
(() => {
  const queue = self.PeerGoalsQueue;
  const body = document.body;
  const NOTICE = "saved-on-phone";
  const workers = navigator.serviceWorker;

  if (body.dataset.signedIn !== "true") {
    if (self.caches) caches.keys().then((names) => names.forEach((name) => caches.delete(name)));
    if (self.indexedDB) queue.forget().catch(() => {});
    if (workers) {
      workers.controller?.postMessage({ type: "signed-out" });
      workers.getRegistrations().then((all) => all.forEach((registration) => registration.unregister()));
    }
    return;
  }

  const token = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (token) queue.handOver(token.value).catch(() => {});
  if (workers) workers.register(body.dataset.serviceWorker, { scope: "/" }).catch(() => {});

  function say(text, after) {
    const notice = document.createElement("p");
    notice.className = NOTICE;
    notice.setAttribute("role", "status");
    notice.textContent = text;
    if (after) after.after(notice);
    else document.querySelector("main").prepend(notice);
  }

  // Every notice of a tap saved on this phone now says how it ended.
  function sayHowItWent(result) {
    const text = result.refused ? body.dataset.notSentFromPhone : body.dataset.sentFromPhone;
    const notices = document.querySelectorAll(`.${NOTICE}`);
    if (notices.length === 0) say(text);
    notices.forEach((notice) => {
      notice.textContent = text;
    });
  }

  async function sendSaved() {
    if ((await queue.count()) === 0) return;
    const result = await queue.sendAll();
    if (result.sent || result.refused) sayHowItWent(result);
  }

  async function keep(form, saved) {
    await queue.keep(saved);
    const card = form.closest(".step-card") || form;
    card.querySelector(`.${NOTICE}`)?.remove();
    say(body.dataset.savedOnPhone, form);
    const registration = workers && (await workers.getRegistration());
    if (registration && registration.sync) {
      registration.sync.register("peergoals-taps").catch(() => {});
    }
  }

  // Before htmx sends the tap: every tap carries its own id, so a tap whose answer was lost
  // and is sent again from the phone is still one check-in.
  document.addEventListener(
    "submit",
    (event) => {
      const form = event.target;
      const button = event.submitter;
      if (!form.matches("form.check-in") || !button || !button.name.endsWith("outcome")) return;
      const prefix = button.name.slice(0, -"outcome".length);
      const saved = queue.tap(form.action, prefix, [...new FormData(form, button).entries()]);
      let field = form.querySelector(`input[name="${prefix}client_id"]`);
      if (!field) {
        field = document.createElement("input");
        field.type = "hidden";
        field.name = `${prefix}client_id`;
        form.append(field);
      }
      field.value = saved.id;
      form.peergoalsTap = saved;
      if (navigator.onLine) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      keep(form, saved);
    },
    true,
  );

  for (const failure of ["htmx:sendError", "htmx:timeout"]) {
    document.addEventListener(failure, (event) => {
      const form = event.detail.elt;
      if (form.matches && form.matches("form.check-in") && form.peergoalsTap) {
        keep(form, form.peergoalsTap);
      }
    });
  }

  if (workers) {
    workers.addEventListener("message", (event) => {
      if (event.data && event.data.type === "taps-sent") sayHowItWent(event.data.result);
    });
  }
  // Reminders on this phone: a form marked data-push-subscribe (where the peer turns reminders
  // on) first subscribes to push, when the server has keys (<meta name="vapid-public-key">), and
  // hands the subscription to the address it names; then it is sent as it would be anyway.
  const vapid = document.querySelector('meta[name="vapid-public-key"]');
  async function subscribe(form) {
    const registration = await workers.ready;
    const key = vapid.content.replace(/-/g, "+").replace(/_/g, "/");
    const padded = key + "=".repeat((4 - (key.length % 4)) % 4);
    const subscription = await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: Uint8Array.from(atob(padded), (character) => character.charCodeAt(0)),
    });
    await fetch(form.dataset.pushSubscribe, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token.value },
      body: JSON.stringify(subscription.toJSON()),
    });
  }
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!form.dataset.pushSubscribe || !vapid || !token || !workers || !self.PushManager) return;
    event.preventDefault();
    subscribe(form)
      .catch(() => {})
      .finally(() => form.submit());
  });

  window.addEventListener("online", sendSaved);
  sendSaved();
})();
