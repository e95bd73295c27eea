// Small repairs to what Material's script builds in the page, and the page's own
// actions. No requests except to this site, no state.
(() => {
  "use strict";

  // Material wraps every code block's copy button in its own unnamed <nav>. A page with
  // sixty blocks would list sixty identical "navigation" landmarks to a screen reader,
  // so these wrappers are plain groups; the button inside keeps its name.
  const unlandmark = () => {
    for (const nav of document.querySelectorAll(".md-code__nav:not([role])")) {
      nav.setAttribute("role", "none");
    }
  };
  new MutationObserver(unlandmark).observe(document.body, {
    childList: true,
    subtree: true,
  });
  unlandmark();

  // "Copy page as Markdown" (overrides/partials/actions.html): the page's Markdown twin,
  // served beside it, goes to the clipboard. The request stays on this site. Listening on
  // the document keeps the button working after Material's instant navigation swaps the
  // page in. The fetch is handed to the clipboard as a promise, so the copy still counts
  // as part of the click in browsers that allow clipboard writes only then.
  const twinText = async (button) => {
    const response = await fetch(new URL(button.dataset.markdown, location.href));
    if (!response.ok) {
      throw new Error(`${response.status} ${response.statusText}`);
    }
    return response.text();
  };

  const copyTwin = async (button) => {
    const text = twinText(button);
    if (window.ClipboardItem && navigator.clipboard.write) {
      const blob = text.then((body) => new Blob([body], { type: "text/plain" }));
      await navigator.clipboard.write([new ClipboardItem({ "text/plain": blob })]);
    } else {
      await navigator.clipboard.writeText(await text);
    }
  };

  const report = (button, message, done) => {
    const status = button.parentElement.querySelector(".copy-markdown__status");
    status.textContent = message;
    button.classList.toggle("copy-markdown--done", done);
    clearTimeout(button.copyTimer);
    button.copyTimer = setTimeout(() => {
      status.textContent = "";
      button.classList.remove("copy-markdown--done");
    }, 3000);
  };

  document.addEventListener("click", (event) => {
    const button = event.target.closest("button.copy-markdown");
    if (!button) {
      return;
    }
    copyTwin(button).then(
      () => report(button, "Page copied as Markdown", true),
      (error) => report(button, `Copying the page failed: ${error.message}`, false),
    );
  });
})();
