// When a live part of a page (a check-in tap, the coach's tips, the history) cannot be saved or
// loaded, say so right beside it in plain words. The form keeps what the person typed, so
// trying again loses nothing. The words come from the page (data-* on <body>), translated.
(() => {
  const FAILED = "request-failed";

  function clear(element) {
    const next = element.nextElementSibling;
    if (next && next.classList.contains(FAILED)) next.remove();
  }

  function say(event, kind) {
    const element = event.detail.elt;
    clear(element);
    const notice = document.createElement("p");
    notice.className = FAILED;
    notice.setAttribute("role", "alert");
    notice.textContent = document.body.dataset[kind];
    element.after(notice);
  }

  document.addEventListener("htmx:beforeRequest", (event) => clear(event.detail.elt));
  document.addEventListener("htmx:sendError", (event) => say(event, "offline"));
  document.addEventListener("htmx:responseError", (event) => say(event, "failed"));
})();
