// Small repairs to what Material's script builds in the page. No requests, no state.
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
})();
