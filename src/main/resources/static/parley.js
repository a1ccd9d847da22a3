// parley — progressive enhancement for the search page. The page works without this file:
// every control is a link or a plain GET form. Served from the jar (CSP: script-src 'self').
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  function ready(fn) {
    if (document.readyState !== 'loading') fn(); else document.addEventListener('DOMContentLoaded', fn);
  }

  ready(function () {
    var form = document.getElementById('search-form');
    if (!form) return;

    // Ticking a facet value or choosing a sort order runs the search at once. The control keeps the
    // keyboard focus across the reload, so keyboard users can tick several values in a row.
    document.querySelectorAll('.js-autosubmit').forEach(function (el) {
      el.addEventListener('change', function () {
        try { sessionStorage.setItem('parley.focus', focusKey(el)); } catch (e) { /* private mode */ }
        submit(form);
      });
    });
    restoreFocus();

    // Empty year inputs would only clutter the URL.
    form.addEventListener('submit', function () { dropEmptyFields(form); });

    document.querySelectorAll('.js-facet-filter').forEach(function (input) { facetFilter(input); });
    document.querySelectorAll('.js-year-chart').forEach(function (svg) { yearChart(svg); });
  });

  function go(url) { window.location.assign(url); }

  // The year chart: a click on a bar follows its link (that year); a drag across bars selects the years
  // between them (year_from, year_to), dropping ticked years outside the new range.
  function yearChart(svg) {
    var bars = Array.prototype.map.call(svg.querySelectorAll('.bar'), function (a) {
      var r = a.querySelector('rect');
      return { year: parseInt(a.getAttribute('data-year'), 10), x: parseFloat(r.getAttribute('x')),
        w: parseFloat(r.getAttribute('width')) };
    });
    if (bars.length < 2) return;
    var width = svg.viewBox.baseVal.width;
    var start = null;
    var preview = null;
    var dragged = false;

    function barAt(clientX) {
      var box = svg.getBoundingClientRect();
      var x = (clientX - box.left) / box.width * width;
      var best = bars[0];
      bars.forEach(function (b) {
        if (Math.abs(b.x + b.w / 2 - x) < Math.abs(best.x + best.w / 2 - x)) best = b;
      });
      return best;
    }

    svg.addEventListener('pointerdown', function (e) {
      if (e.button !== 0) return;
      start = barAt(e.clientX);
      dragged = false;
    });
    svg.addEventListener('pointermove', function (e) {
      if (!start) return;
      var end = barAt(e.clientX);
      if (end === start && !dragged) return;
      dragged = true;
      if (!preview) {
        preview = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
        preview.setAttribute('class', 'timeline__drag');
        preview.setAttribute('y', '0');
        preview.setAttribute('height', String(svg.viewBox.baseVal.height));
        svg.appendChild(preview);
      }
      var a = Math.min(start.x, end.x);
      var b = Math.max(start.x + start.w, end.x + end.w);
      preview.setAttribute('x', String(a));
      preview.setAttribute('width', String(b - a));
    });
    function finish(e) {
      if (!start) return;
      var s = start;
      start = null;
      if (preview) { preview.remove(); preview = null; }
      if (!dragged) return;
      var end = barAt(e.clientX);
      go(rangeUrl(Math.min(s.year, end.year), Math.max(s.year, end.year)));
    }
    svg.addEventListener('pointerup', finish);
    svg.addEventListener('pointerleave', function () {
      start = null;
      if (preview) { preview.remove(); preview = null; }
    });
    // after a drag, the click that ends it must not also follow the bar's link
    svg.addEventListener('click', function (e) {
      if (dragged) { e.preventDefault(); dragged = false; }
    }, true);
  }

  function rangeUrl(from, to) {
    var params = new URLSearchParams(window.location.search);
    params.set('year_from', String(from));
    params.set('year_to', String(to));
    var years = params.getAll('year');
    params.delete('year');
    years.forEach(function (y) {
      var n = parseInt(y, 10);
      if (n >= from && n <= to) params.append('year', y);
    });
    params.delete('page');
    return '/?' + params.toString();
  }

  function focusKey(el) {
    return el.type === 'checkbox' ? el.name + '=' + el.value : '#' + el.id;
  }

  function restoreFocus() {
    var key = null;
    try {
      key = sessionStorage.getItem('parley.focus');
      sessionStorage.removeItem('parley.focus');
    } catch (e) { return; }
    if (!key) return;
    var target = null;
    document.querySelectorAll('.js-autosubmit').forEach(function (el) {
      if (focusKey(el) === key) target = el;
    });
    if (target) target.focus({ preventScroll: false });
  }

  function submit(form) {
    dropEmptyFields(form);
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  }

  function dropEmptyFields(form) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if ((el.name === 'year_from' || el.name === 'year_to') && !el.value) el.disabled = true;
    });
  }

  // A filter box for a long facet: narrows the listed values as you type, and asks the API for values
  // that are not listed (GET /api/facets/{dim}?prefix=), offering them as links that add the filter.
  function facetFilter(input) {
    var dim = input.getAttribute('data-dim');
    var list = document.querySelector('.facet__values[data-dim="' + dim + '"]');
    if (!list) return;
    var extra = document.createElement('ul');
    extra.className = 'facet__values facet__suggestions';
    extra.setAttribute('aria-live', 'polite');
    list.parentNode.insertBefore(extra, list.nextSibling);
    var timer = null;
    var seq = 0;

    input.addEventListener('input', function () {
      var prefix = input.value.trim().toLowerCase();
      var listed = {};
      list.querySelectorAll('.facet__value').forEach(function (li) {
        var box = li.querySelector('input');
        var label = (li.querySelector('.facet__label') || li).textContent.toLowerCase();
        if (box) listed[box.value.toLowerCase()] = true;
        var match = !prefix || label.indexOf(prefix) >= 0;
        li.classList.toggle('is-hidden', !match);
      });
      clearTimeout(timer);
      extra.textContent = '';
      if (prefix.length < 1) return;
      timer = setTimeout(function () { suggest(dim, input.value.trim(), listed, extra, ++seq); }, 150);
    });

    function suggest(dim, prefix, listed, target, mySeq) {
      // the values of the current search, counted under it: a suggestion never leads to an empty page
      var params = new URLSearchParams();
      var current = new URLSearchParams(window.location.search);
      ['q', 'country', 'year', 'speaker', 'year_from', 'year_to'].forEach(function (name) {
        current.getAll(name).forEach(function (v) { if (v) params.append(name, v); });
      });
      params.set('prefix', prefix);
      params.set('limit', '10');
      fetch('/api/facets/' + encodeURIComponent(dim) + '?' + params.toString(),
          { headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data || mySeq !== seq) return;
          var values = Array.isArray(data) ? data : (data.values || []);
          target.textContent = '';
          values.filter(function (v) { return v && v.value && !listed[String(v.value).toLowerCase()]; })
            .slice(0, 10)
            .forEach(function (v) { target.appendChild(suggestion(dim, v)); });
        })
        .catch(function () { /* suggestions are optional */ });
    }
  }

  function suggestion(dim, v) {
    var params = new URLSearchParams(window.location.search);
    params.append(dim, v.value);
    params.delete('page');
    var li = document.createElement('li');
    li.className = 'facet__value';
    var a = document.createElement('a');
    a.href = '/?' + params.toString();
    var label = document.createElement('span');
    label.className = 'facet__label';
    label.textContent = '+ ' + (v.label || v.value);
    var count = document.createElement('span');
    count.className = 'facet__count';
    count.textContent = v.count != null ? String(v.count) : '';
    a.appendChild(label);
    a.appendChild(count);
    li.appendChild(a);
    return li;
  }
})();
