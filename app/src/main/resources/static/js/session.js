// Warns a signed-in user shortly before the idle timeout ends the session (issue #14 item 3) and
// offers to stay signed in. Progressive enhancement: without script nothing is shown and the pages
// work as before. The texts come translated from the page (<template id="session-warning">).
(() => {
  const meta = document.querySelector('meta[name="palermo-session-idle"]');
  const template = document.getElementById("session-warning");
  if (!meta || !template) {
    return;
  }
  const idle = Number(meta.content) * 1000;
  if (!(idle > 0)) {
    return;
  }
  const lead = Math.min(120000, idle / 2);
  let timer;
  let box;

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(warn, idle - lead);
  };

  const close = () => {
    if (box) {
      box.remove();
      box = null;
    }
  };

  const warn = () => {
    close();
    box = template.content.firstElementChild.cloneNode(true);
    document.body.prepend(box);
    const stay = box.querySelector("[data-session-stay]");
    stay.addEventListener("click", stayIn);
    stay.focus();
  };

  const ended = () => {
    if (!box) {
      return;
    }
    box.querySelector("[data-session-text]").textContent = box.dataset.ended;
    box.querySelector("[data-session-stay]").remove();
  };

  const stayIn = async () => {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    const headers = { "X-Requested-With": "fetch" };
    if (token && header) {
      headers[header.content] = token.content;
    }
    try {
      const answer = await fetch(template.dataset.url, {
        method: "POST",
        headers,
        credentials: "same-origin",
        redirect: "manual",
        cache: "no-store",
      });
      if (answer.status === 204) {
        close();
        schedule();
      } else {
        ended();
      }
    } catch (e) {
      ended();
    }
  };

  schedule();
})();
