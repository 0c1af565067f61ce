// Reloads the page after the number of seconds in data-refresh, while such an element is on the page (a background
// job's progress). A script file, not a meta refresh or inline script: the CSP allows scripts from 'self' only.
(() => {
    const el = document.querySelector("[data-refresh]");
    if (!el) return;
    const seconds = Math.max(2, parseInt(el.getAttribute("data-refresh"), 10) || 5);
    setTimeout(() => window.location.reload(), seconds * 1000);
})();
