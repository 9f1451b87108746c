/* Huixun's service worker (served at /sw.js so that its scope is the whole site). An offline shell, nothing more:
   pages come from the network and fall back to the cached /offline page when it fails; the stylesheet,
   script and icon come from the cache and are refreshed behind it. POSTs, the API and feeds are never touched. */
'use strict';
var CACHE = 'huixun-shell-v1';
var SHELL = ['/offline', '/static/huixun.css', '/static/huixun.js', '/static/htmx.min.js', '/static/icon.svg'];

self.addEventListener('install', function (event) {
  // Without cookies: the cached shell must not keep a reader's name, nav or CSRF token past a logout.
  var requests = SHELL.map(function (path) { return new Request(path, { credentials: 'omit' }); });
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(requests); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n !== CACHE; }).map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) { return; }
  if (url.pathname.indexOf('/static/') === 0) {
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match(request).then(function (hit) {
        var fresh = fetch(request).then(function (response) {
          if (response.ok) { cache.put(request, response.clone()); }
          return response;
        });
        return hit || fresh;
      });
    }));
    return;
  }
  if (request.mode === 'navigate') {
    // Pages are not stored: they carry a reader's state and CSRF token, which must not outlive a logout.
    event.respondWith(fetch(request).catch(function () { return caches.match('/offline'); }));
  }
});
