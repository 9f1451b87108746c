/* Huixun's one page script (the CSP allows no inline script): colour theme, keyboard shortcuts, service worker.
   Loaded in <head> without defer so the stored theme is set before the first paint; the rest waits for the DOM.
   Everything works without it: the shortcuts press the same forms and links a reader could click. */
(function () {
  'use strict';
  var root = document.documentElement;
  var THEME_KEY = 'huixun-theme';

  /* The theme: "auto" follows prefers-color-scheme (huixun.css), "light"/"dark" set <html data-theme=…>. */
  function storedTheme() {
    try { return localStorage.getItem(THEME_KEY) || 'auto'; } catch (e) { return 'auto'; }
  }
  function applyTheme(choice) {
    if (choice === 'light' || choice === 'dark') { root.setAttribute('data-theme', choice); }
    else { root.removeAttribute('data-theme'); }
  }
  applyTheme(storedTheme());

  function setUpThemeSwitch() {
    var select = document.getElementById('theme');
    if (!select) { return; }
    select.value = storedTheme();
    select.hidden = false;
    select.addEventListener('change', function () {
      try { localStorage.setItem(THEME_KEY, select.value); } catch (e) { /* private mode: this page only */ }
      applyTheme(select.value);
    });
  }

  /* Keyboard shortcuts. The items are the cards of the page in document order: a top story (article.story) and
     every list item whose first child is an article link (latest, teasers, search results, reading lists). */
  function items() {
    var all = document.querySelectorAll('main article.story, main li');
    var out = [];
    for (var i = 0; i < all.length; i++) {
      var link = all[i].querySelector('a[href^="/article/"]');
      if (all[i].tagName !== 'LI' || (link && link.parentElement === all[i])) { out.push(all[i]); }
    }
    return out;
  }
  function current() { return document.querySelector('main .kbd-current'); }
  function select(item) {
    var old = current();
    if (old) { old.classList.remove('kbd-current'); }
    item.classList.add('kbd-current');
    var link = item.querySelector('a[href^="/article/"]');
    if (link) { link.focus({ preventScroll: true }); }
    item.scrollIntoView({ block: 'nearest' });
  }
  function move(step) {
    var list = items();
    if (list.length === 0) { return; }
    var at = list.indexOf(current());
    var next = at < 0 ? 0 : Math.min(list.length - 1, Math.max(0, at + step));
    select(list[next]);
  }
  /* The read/star form of the current card, or of the article on an article page: "/state/article/7/star". */
  function stateForm(actions) {
    var scope = current() || document.querySelector('main');
    if (!scope) { return null; }
    for (var i = 0; i < actions.length; i++) {
      var form = scope.querySelector('form[action$="/' + actions[i] + '"]');
      if (form) { return form; }
    }
    return null;
  }
  function submit(form) {
    if (!form) { return; }
    // A state span htmx has just swapped in may not be wired yet; process() is a no-op on wired ones. Without it a
    // quick second key would post the form as a whole page (still right, but the page reloads).
    if (window.htmx && form.hasAttribute('hx-post')) { window.htmx.process(form); }
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  }
  function help(show) {
    var overlay = document.getElementById('shortcuts');
    if (!overlay) { return; }
    overlay.hidden = show === undefined ? !overlay.hidden : !show;
    if (!overlay.hidden) { overlay.querySelector('button').focus(); }
  }
  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }
  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) { return; }
    if (event.key === 'Escape') { help(false); return; }
    if (typing(event.target)) { return; }
    var handled = true;
    switch (event.key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 'o': case 'Enter':
        if (event.key === 'Enter' && !current()) { handled = false; break; }
        var item = current();
        var link = item && item.querySelector('a[href^="/article/"]');
        if (link) { window.location.href = link.href; } else { handled = false; }
        break;
      case 's': submit(stateForm(['star', 'unstar'])); break;
      case 'm': submit(stateForm(['read', 'unread'])); break;
      case '/':
        var box = document.querySelector('header form.search input[name=q]');
        if (box) { box.focus(); box.select(); }
        break;
      case '?': help(); break;
      default: handled = false;
    }
    if (handled) { event.preventDefault(); }
  }

  function registerServiceWorker() {
    if ('serviceWorker' in navigator && window.isSecureContext) {
      navigator.serviceWorker.register('/sw.js').catch(function () { /* the site works without it */ });
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    setUpThemeSwitch();
    document.addEventListener('keydown', onKey);
    var close = document.querySelector('#shortcuts button');
    if (close) { close.addEventListener('click', function () { help(false); }); }
    registerServiceWorker();
  });
})();
