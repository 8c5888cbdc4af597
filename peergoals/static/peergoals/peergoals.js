// When a live part of a page (a check-in tap, the coach's tips, the history) cannot be saved or
// loaded, say so right beside it in plain words. The form keeps what the person typed, so
// trying again loses nothing. The words come from the page (data-* on <body>), translated.
(() => {
  const NOTICE = "request-problem";

  function clear(element) {
    const next = element.nextElementSibling;
    if (next && next.classList.contains(NOTICE)) next.remove();
  }

  function say(event, kind) {
    const element = event.detail.elt;
    // A check-in tap is saved on the phone instead, and offline.js says so.
    if (kind === "noConnection" && element.peergoalsTap) return;
    clear(element);
    const notice = document.createElement("p");
    notice.className = NOTICE;
    notice.setAttribute("role", "alert");
    notice.textContent = document.body.dataset[kind];
    element.after(notice);
  }

  document.addEventListener("htmx:beforeRequest", (event) => clear(event.detail.elt));
  document.addEventListener("htmx:sendError", (event) => say(event, "noConnection"));
  document.addEventListener("htmx:timeout", (event) => say(event, "noConnection"));
  document.addEventListener("htmx:responseError", (event) => say(event, "tryAgain"));
})();
