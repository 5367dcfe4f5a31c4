/**
 * The browser script of the Vantio Duo page: its reviews exist only after this runs, which is what
 * the crawler's browser mode is for. Plain ES2017 so any Chromium runs it; text goes in via
 * textContent, never innerHTML.
 */

/** Body of `/static/vantio-reviews.js`. */
export const REVIEWS_SCRIPT = `(function () {
  'use strict';
  var box = document.getElementById('reviews');
  var button = document.querySelector('.load-more');
  if (!box || !button) return;
  var api = box.getAttribute('data-api');
  var nextPage = 1;
  var busy = false;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function render(r) {
    var item = el('div', 'vt-review');
    item.id = 'review-' + r.id;
    if (r.lang && r.lang !== 'en') item.lang = r.lang;
    var head = el('div', 'vt-head');
    var who = el('a', 'vt-author', r.author.name);
    who.href = r.author.url;
    var stars = el('span', 'vt-stars', '\\u2605\\u2605\\u2605\\u2605\\u2605'.slice(0, r.rating) + '\\u2606\\u2606\\u2606\\u2606\\u2606'.slice(0, 5 - r.rating));
    stars.setAttribute('data-rating', String(r.rating));
    stars.setAttribute('aria-label', 'Rated ' + r.rating + ' out of 5');
    var when = el('time', 'vt-date', new Date(r.date).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
    when.setAttribute('datetime', r.date);
    head.appendChild(who);
    head.appendChild(document.createTextNode(' '));
    head.appendChild(stars);
    head.appendChild(document.createTextNode(' '));
    head.appendChild(when);
    item.appendChild(head);
    item.appendChild(el('h4', 'vt-title', r.title));
    item.appendChild(el('p', 'vt-body', r.body));
    return item;
  }

  function load() {
    if (busy || nextPage === null) return;
    busy = true;
    button.disabled = true;
    fetch(api + '?page=' + nextPage)
      .then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.json();
      })
      .then(function (data) {
        var loading = box.querySelector('.loading');
        if (loading) loading.remove();
        data.reviews.forEach(function (r) { box.appendChild(render(r)); });
        nextPage = data.page < data.pages ? data.page + 1 : null;
        button.hidden = nextPage === null;
      })
      .catch(function () {
        box.appendChild(el('p', 'error', 'Reviews could not be loaded. Please try again.'));
      })
      .then(function () {
        busy = false;
        button.disabled = false;
      });
  }

  button.addEventListener('click', load);
  load();
})();
`;
