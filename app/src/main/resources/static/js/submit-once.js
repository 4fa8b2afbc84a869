// One submission is one record (issue #14 §1 item 1): once a form that posts is sent, its buttons
// are disabled while the request is in flight, so a double click sends one request. Progressive
// enhancement: without script the form still works, and the one-time submission token the server
// adds to every posting form (platform.SubmissionTokens) turns a second post into the first answer.
(() => {
  const buttons = (form) =>
    form.querySelectorAll('button:not([type]), button[type="submit"], input[type="submit"]');

  const release = (form) => {
    delete form.dataset.submitting;
    for (const b of buttons(form)) {
      b.disabled = false;
      b.removeAttribute("aria-busy");
    }
  };

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "post") {
      return;
    }
    if (form.dataset.submitting === "true") {
      event.preventDefault();
      return;
    }
    if (event.defaultPrevented) {
      return;
    }
    form.dataset.submitting = "true";
    // Disabled after the browser has taken the clicked button's name and value into the request.
    setTimeout(() => {
      for (const b of buttons(form)) {
        b.disabled = true;
        b.setAttribute("aria-busy", "true");
      }
    }, 0);
    // A post that answers with a download leaves the page in place: usable again after a while.
    setTimeout(() => release(form), 15000);
  });

  // A page shown again from the back-forward cache has usable buttons.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) {
      document.querySelectorAll("form[data-submitting]").forEach(release);
    }
  });
})();
