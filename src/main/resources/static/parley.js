// parley — progressive enhancement for the search page. The page works without this file: every control
// is a link or a plain GET form, every state a URL. With it, results update as you type and as you tick
// (the server-rendered page is fetched and its results and filters swapped in, the URL follows through the
// history API), and the keyboard moves through results. Served from the jar (CSP: script-src 'self').
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  // As you type, the results (count, hits, pages) follow each keystroke after RESULTS_DELAY, from a request that
  // does not count facet values (X-Parley-Part: results, a few ms of server time); the filters column and the
  // year chart, the expensive part, follow once the typing pauses for a little longer than the typist's own gap
  // between keys (X-Parley-Part: facets; 200 ms until that gap is known, between 120 and 350 ms). Queries shorter
  // than MIN_INSTANT_CHARS wait for that pause too: one or two letters are rarely what one means to search.
  // A keystroke that leaves the last word as only the beginning of longer indexed words ("cambo"), or as a word
  // that begins a much more frequent one ("agree" on the way to "agreement"), is not searched at once: the page
  // waits for the pause, then fetches the whole page. What the index holds of a word comes with every page
  // (data-words on .layout) or, when nothing known covers the word, from /api/words (a term-dictionary lookup,
  // far cheaper than a search); a probably finished word ("cambodia") is searched at once. A backend that lists
  // no words answers 404: then every keystroke may be the last one.
  var RESULTS_DELAY = 40;
  var MIN_INSTANT_CHARS = 3;
  var TYPING_DELAY = 200;
  var keyGaps = [];
  var lastKey = 0;

  function noteKey() {
    var now = Date.now();
    if (lastKey && now - lastKey < 1000) {
      keyGaps.push(now - lastKey);
      if (keyGaps.length > 8) keyGaps.shift();
    }
    lastKey = now;
  }

  /** The pause after which the typist has probably finished (ms after the last key). */
  function typingPause() {
    if (keyGaps.length < 2) return TYPING_DELAY;
    var sorted = keyGaps.slice().sort(function (a, b) { return a - b; });
    var median = sorted[Math.floor(sorted.length / 2)];
    return Math.max(120, Math.min(350, Math.round(median * 1.3)));
  }
  var inflight = null;      // the AbortController of the page request under way
  var seq = 0;              // responses to older requests than the last one are dropped
  var typingEntry = false;  // the current history entry was made by typing (later keystrokes replace it)
  var shownUrl = null;      // path and query of the results on screen
  // Pages fetched in the last minute are reused (retyping a query, back and forward) instead of asked again.
  var CACHE_MS = 60000;
  var CACHE_SIZE = 30;
  var cache = new Map();     // by kind and URL: 'page /?q=…' (whole pages), 'results /?q=…', 'facets /?q=…'
  var facetsTimer = null;
  var facetsPending = false; // the results on screen wait for their facets part
  var knownWords = new Map(); // a typed prefix (normalised) -> what the index holds of it (WordsStartingWith)
  var KNOWN_WORDS_SIZE = 200;
  var DOMINATED_BY = 4;       // as WordsStartingWith.DOMINATED_BY
  var wordLists = true;       // false once the backend said it lists no words
  var wordsInflight = null;   // the AbortController of the /api/words request under way

  function rememberWords(info) {
    if (!info || typeof info.prefix !== 'string') return;
    knownWords.delete(info.prefix);
    knownWords.set(info.prefix, info);
    if (knownWords.size > KNOWN_WORDS_SIZE) knownWords.delete(knownWords.keys().next().value);
  }

  /** Remembers what a page said of its query's last word. */
  function learnWords(layout) {
    var json = layout && layout.getAttribute('data-words');
    if (!json) return;
    try { rememberWords(JSON.parse(json)); } catch (err) { /* then it is not known */ }
  }

  /** The query's last word, lower-cased and without accents (as the index has words), or null. */
  function lastWord(text) {
    var m = /(?:^|\s)(\p{L}+)$/u.exec(text);
    return m ? m[1].toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '') : null;
  }

  function finishedIf(documents, longer) {
    return documents > 0 && longer < DOMINATED_BY * documents ? 'finished' : 'unfinished';
  }

  /**
   * 'finished' when the word is indexed and does not begin a much more frequent one, 'unfinished' when it is only
   * (or probably) the beginning of longer words, 'unknown' when nothing the index told covers it. The longest known
   * prefix decides: its list of every word, or of its most frequent words with the most documents of any word it
   * leaves out (unlisted_documents), which bounds what the list does not show ("tra" lists "trade": "trad" is
   * only a beginning, without asking).
   */
  function wordState(w) {
    var exact = knownWords.get(w);
    if (exact) return finishedIf(exact.documents, exact.longer_documents);
    for (var k = w.length - 1; k >= 1; k--) {
      var info = knownWords.get(w.slice(0, k));
      if (!info || !info.words) continue;
      var listed = Object.keys(info.words);
      if (!info.complete && !listed.length) continue;
      var longer = 0;
      listed.forEach(function (x) {
        if (x.length > w.length && x.lastIndexOf(w, 0) === 0) longer = Math.max(longer, info.words[x]);
      });
      var documents = info.words[w] || 0;
      if (info.complete) return finishedIf(documents, longer);
      var unlisted = info.unlisted_documents || 0;
      if (longer >= DOMINATED_BY * (documents || unlisted)) return 'unfinished';
      if (documents && Math.max(longer, unlisted) < DOMINATED_BY * documents) return 'finished';
      return 'unknown';
    }
    return 'unknown';
  }

  function remember(key, res) {
    cache.delete(key);
    cache.set(key, res);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value);
  }

  function ready(fn) {
    if (document.readyState !== 'loading') fn(); else document.addEventListener('DOMContentLoaded', fn);
  }

  ready(function () {
    var form = document.getElementById('search-form');
    if (!form) return;
    var instant = !!(window.fetch && window.history && window.history.pushState && window.DOMParser
      && window.URLSearchParams && document.body.classList.contains('page-search'));

    // Empty year inputs would only clutter the URL.
    form.addEventListener('submit', function (e) {
      dropEmptyFields(form);
      if (!instant) return;
      e.preventDefault();
      clearTimeout(typingTimer);
      load(searchUrl(), { push: true, force: true });
    });

    // Ticking a facet value or choosing a sort order runs the search at once.
    document.addEventListener('change', function (e) {
      var el = e.target;
      if (!el.classList || !el.classList.contains('js-autosubmit')) return;
      if (instant) {
        load(changedUrl(el), { push: true, focus: focusKey(el) });
      } else {
        try { sessionStorage.setItem('parley.focus', focusKey(el)); } catch (err) { /* private mode */ }
        submit(form);
      }
    });
    restoreFocus();

    // As-you-type: the results after each keystroke (a newer one supersedes the older's answer), the filters
    // once the typing pauses.
    var box = document.getElementById('q');
    var typingTimer = null;
    learnWords(document.querySelector('.layout'));
    if (instant && box) {
      box.addEventListener('input', function () {
        noteKey();
        clearTimeout(typingTimer);
        clearTimeout(facetsTimer);
        var text = box.value.trim();
        if (text.length < MIN_INSTANT_CHARS) { searchAfter(typingPause()); return; }
        var w = lastWord(text);
        var state = w && wordLists ? wordState(w) : 'finished'; // not a plain word ("rel*", a phrase): search it
        if (state === 'unknown') {
          searchAfter(typingPause()); // the whole page at the pause, unless the index answers first
          askWords(w, text);
          return;
        }
        searchAfter(state === 'finished' ? RESULTS_DELAY : typingPause());
      });
    }

    function searchAfter(delay) {
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () { typed(searchUrl()); }, delay);
    }

    /** Asks the index about the word being typed; searches at once if it is probably finished. */
    function askWords(w, text) {
      if (wordsInflight) wordsInflight.abort();
      var ctrl = window.AbortController ? new AbortController() : null;
      wordsInflight = ctrl;
      fetch('/api/words?prefix=' + encodeURIComponent(w), { headers: { Accept: 'application/json' }, signal: ctrl && ctrl.signal })
        .then(function (res) {
          if (res.status === 404) wordLists = false;
          if (!res.ok) throw new Error('no word list');
          return res.json();
        })
        .then(function (info) {
          rememberWords(info);
          if (box.value.trim() === text && wordState(w) !== 'unfinished') searchAfter(RESULTS_DELAY);
        })
        .catch(function () {
          // no answer: search it as if every keystroke could be the last (unless typing went on or this was aborted)
          if (!(ctrl && ctrl.signal.aborted) && box.value.trim() === text) searchAfter(RESULTS_DELAY);
        });
    }

    // The filters drawer (narrow screens): opened from the toolbar, closed by its button, Escape or the backdrop.
    document.addEventListener('click', function (e) {
      var t = e.target;
      if (!t.closest) return;
      if (t.closest('a[href="#filters"]') && window.matchMedia('(max-width: 879px)').matches) {
        e.preventDefault();
        drawer(true);
      } else if (t.closest('.facets__close')) {
        e.preventDefault();
        drawer(false);
      } else if (document.documentElement.classList.contains('drawer-open') && !t.closest('.facets')) {
        drawer(false);
      }
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && document.documentElement.classList.contains('drawer-open')) drawer(false);
    });
    // a long placeholder where it fits, a short one on phones
    if (box && box.getAttribute('data-placeholder-wide') && window.matchMedia('(min-width: 700px)').matches) {
      box.setAttribute('placeholder', box.getAttribute('data-placeholder-wide'));
    }

    if (instant) {
      // Links within the page (chips, facets, pages, the chart) swap the results in place.
      document.addEventListener('click', function (e) {
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        var a = e.target.closest ? e.target.closest('a[href]') : null;
        if (!a || a.hasAttribute('download') || a.getAttribute('target')) return;
        if (!a.closest('.layout')) return;
        var href = a.getAttribute('href'); // (an SVG link's href is not a string)
        if (!href || href.charAt(0) === '#') return; // within the page: the browser's own scroll and focus
        var url = new URL(href, window.location.href);
        if (url.origin !== window.location.origin || url.pathname !== '/') return;
        e.preventDefault();
        load(url.href, { push: true, scroll: !!a.closest('.pagination') });
      });
      window.addEventListener('popstate', function () {
        if (window.location.pathname + window.location.search === shownUrl) return; // only the #fragment moved
        load(window.location.href, { history: false });
      });
      shownUrl = window.location.pathname + window.location.search;
      history.replaceState({ parley: true }, '', window.location.href);
    }

    keyboard(box);
    enhance(document);
    matchNav();
  });

  // ---- the article page: previous/next match follow the paragraph one is at ----

  function matchNav() {
    var nav = document.querySelector('.match-nav');
    if (!nav) return;
    var matches = (nav.getAttribute('data-matches') || '').split(' ').filter(Boolean).map(Number);
    var prev = nav.querySelector('[rel=prev]');
    var next = nav.querySelector('[rel=next]');
    var count = nav.querySelector('.match-nav__count');
    function at() {
      var m = /^#p(\d+)$/.exec(window.location.hash);
      if (m) return Number(m[1]);
      var hit = document.querySelector('.para.is-hit');
      return hit ? Number(hit.id.slice(1)) : 0;
    }
    function set(a, ordinal) {
      if (ordinal == null) {
        a.setAttribute('href', '#');
        a.classList.add('is-disabled');
        a.setAttribute('aria-disabled', 'true');
      } else {
        a.setAttribute('href', '#p' + ordinal);
        a.classList.remove('is-disabled');
        a.removeAttribute('aria-disabled');
      }
    }
    function update() {
      var here = at();
      var before = null;
      var after = null;
      matches.forEach(function (m) {
        if (m < here) before = m;
        if (m > here && after == null) after = m;
      });
      set(prev, before);
      set(next, after);
      var i = matches.indexOf(here);
      count.textContent = i >= 0 ? 'match ' + (i + 1) + ' of ' + matches.length
        : matches.length + (matches.length === 1 ? ' match' : ' matches');
    }
    window.addEventListener('hashchange', update);
    document.addEventListener('keydown', function (e) {
      var t = e.target;
      if (e.ctrlKey || e.metaKey || e.altKey || (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT'))) return;
      var link = e.key === 'n' || e.key === 'j' ? next : e.key === 'p' || e.key === 'k' ? prev : null;
      if (link && !link.classList.contains('is-disabled')) { e.preventDefault(); link.click(); }
    });
    update();
  }

  function drawer(open) {
    document.documentElement.classList.toggle('drawer-open', open);
    var target = open ? document.getElementById('facets-heading') : document.querySelector('.jump-filters');
    if (target) target.focus({ preventScroll: true });
  }

  // ---- fetching and swapping the results ----

  // URLs are the shown state plus one change, so that filters keep the order they were added in (the
  // server's canonical URL, which the address bar then shows, lists them so).

  function shownParams() {
    return new URLSearchParams((shownUrl || window.location.pathname + window.location.search).replace(/^[^?]*\??/, ''));
  }

  function toUrl(params) {
    params.delete('page');
    var qs = params.toString();
    return '/' + (qs ? '?' + qs : '');
  }

  /** The shown search with the box's query and the year inputs' range. */
  function searchUrl() {
    var params = shownParams();
    var box = document.getElementById('q');
    if (box) {
      if (box.value.trim()) params.set('q', box.value.trim()); else params.delete('q');
    }
    ['year_from', 'year_to'].forEach(function (name) {
      var input = document.getElementById(name);
      if (!input) return;
      if (input.value.trim()) params.set(name, input.value.trim()); else params.delete(name);
    });
    return toUrl(params);
  }

  /** The shown search with one control's new value: a ticked facet value, the sort order, one per article. */
  function changedUrl(el) {
    var params = shownParams();
    if (el.type === 'checkbox' && el.name !== 'group') {
      var kept = params.getAll(el.name).filter(function (v) { return v !== el.value; });
      params.delete(el.name);
      kept.forEach(function (v) { params.append(el.name, v); });
      if (el.checked) params.append(el.name, el.value);
    } else if (el.type === 'checkbox') {
      if (el.checked) params.set(el.name, el.value); else params.delete(el.name);
    } else if (el.value && !(el.name === 'sort' && el.value === 'relevance')) {
      params.set(el.name, el.value);
    } else {
      params.delete(el.name);
    }
    return toUrl(params);
  }

  function load(url, opts) {
    var target = new URL(url, window.location.href);
    var same = target.pathname + target.search === (shownUrl || window.location.pathname + window.location.search);
    if (same && opts.history !== false && !opts.force) {
      if (target.hash) scrollToHash(target.hash);
      return;
    }
    if (inflight) inflight.abort();
    inflight = window.AbortController ? new AbortController() : null;
    var mine = ++seq;
    clearTimeout(facetsTimer);
    var key = target.pathname + target.search;
    var hit = cache.get('page ' + key);
    var layout = document.querySelector('.layout');
    if (layout) layout.setAttribute('aria-busy', 'true');
    document.documentElement.classList.add('is-loading');
    var answer = hit && Date.now() - hit.at < CACHE_MS ? Promise.resolve(hit) : fetch(key, {
      headers: { 'Accept': 'text/html' }, credentials: 'same-origin',
      signal: inflight ? inflight.signal : undefined
    }).then(function (r) {
      var finalUrl = r.url || target.href;
      return r.text().then(function (html) {
        var res = { html: html, url: finalUrl, at: Date.now() };
        if (r.ok) remember('page ' + key, res);
        return res;
      });
    });
    answer.then(function (res) {
      if (mine !== seq) return;
      var doc = new DOMParser().parseFromString(res.html, 'text/html');
      var fresh = doc.querySelector('.layout');
      if (!fresh) { window.location.assign(target.href); return; }
      learnWords(fresh);
      var finalUrl = new URL(fresh.getAttribute('data-url') || res.url, window.location.href);
      var shown = finalUrl.pathname + finalUrl.search + target.hash;
      shownUrl = finalUrl.pathname + finalUrl.search;
      if (opts.history !== false) {
        if (opts.typing && typingEntry) history.replaceState({ parley: true }, '', shown);
        else history.pushState({ parley: true }, '', shown);
      }
      typingEntry = !!opts.typing;
      facetsPending = false;
      swap(doc, fresh, opts);
      if (target.hash) scrollToHash(target.hash);
      else if (opts.scroll) {
        var results = document.getElementById('results');
        if (results) results.scrollIntoView({ block: 'start' });
      }
    }).catch(function (err) {
      if (err && err.name === 'AbortError') return;
      window.location.assign(target.href); // the plain way, when the swap cannot be made
    }).then(function () {
      if (mine !== seq) return;
      document.documentElement.classList.remove('is-loading');
      var l = document.querySelector('.layout');
      if (l) l.removeAttribute('aria-busy');
    });
  }

  // ---- instant search while typing: the results part, then the facets part ----

  /** One part of the page for url, from the cache or the server; resolves to {html, url}. */
  function part(kind, url) {
    var hit = cache.get(kind + ' ' + url);
    if (hit && Date.now() - hit.at < CACHE_MS) return Promise.resolve(hit);
    return fetch(url, {
      headers: { 'Accept': 'text/html', 'X-Parley-Part': kind }, credentials: 'same-origin'
    }).then(function (r) {
      if (!r.ok) throw new Error('part ' + kind + ': ' + r.status);
      return r.text().then(function (html) {
        var res = { html: html, url: r.url || url, at: Date.now() };
        remember(kind + ' ' + url, res);
        return res;
      });
    });
  }

  function typed(url) {
    var target = new URL(url, window.location.href);
    var key = target.pathname + target.search;
    var page = cache.get('page ' + key);
    // the start page, pages seen whole before, and any page once the typing has paused come whole (one request
    // instead of the results and then the facets part)
    var paused = Date.now() - lastKey >= typingPause() - 10;
    if (!target.search || paused || (page && Date.now() - page.at < CACHE_MS)) { load(url, { typing: true }); return; }
    if (key === shownUrl) { // typed and taken back: the results stand, their facets may still be due
      if (facetsPending) facetsTimer = setTimeout(function () { facets(shownUrl, seq); }, typingPause());
      return;
    }
    if (inflight) inflight.abort(); // a whole page under way is superseded; results parts are left to finish
    inflight = null;
    var mine = ++seq;
    part('results', key).then(function (res) {
      if (mine !== seq) return; // a newer keystroke's answer is coming
      var doc = new DOMParser().parseFromString(res.html, 'text/html');
      var fresh = doc.querySelector('.layout');
      if (!fresh) throw new Error('no results in the answer');
      learnWords(fresh);
      var canonical = new URL(fresh.getAttribute('data-url') || key, window.location.href);
      shownUrl = canonical.pathname + canonical.search;
      if (typingEntry) history.replaceState({ parley: true }, '', shownUrl);
      else history.pushState({ parley: true }, '', shownUrl);
      typingEntry = true;
      if (fresh.getAttribute('data-facets') === 'counted') { // the counts came along: the whole layout, no facets part
        facetsPending = false;
        clearTimeout(facetsTimer);
        swap(doc, fresh, { typing: true });
        document.documentElement.classList.remove('is-loading');
        remember('page ' + shownUrl, res); // it is the page: back and forward reuse it
        return;
      }
      swapResults(doc, fresh);
      facetsPending = true;
      var wait = Math.max(0, lastKey + typingPause() - Date.now());
      clearTimeout(facetsTimer);
      facetsTimer = setTimeout(function () { facets(shownUrl, mine); }, wait);
    }).catch(function () {
      if (mine === seq) load(url, { typing: true }); // the whole page, the plain way
    });
  }

  function facets(key, mine) {
    part('facets', key).then(function (res) {
      if (mine !== seq || key !== shownUrl) return;
      facetsPending = false;
      swapFacets(new DOMParser().parseFromString(res.html, 'text/html'));
    }).catch(function () {
      if (mine === seq && key === shownUrl) load(key, { typing: true, force: true });
    });
  }

  /**
   * The results column swapped in; the year chart and the filters column stay (dimmed) until the facets part
   * replaces them, and so does the toolbar's filters link.
   */
  function swapResults(doc, fresh) {
    var layout = document.querySelector('.layout');
    var main = layout.querySelector('#results');
    var freshMain = fresh.querySelector('#results');
    var chart = main.querySelector('.timeline');
    if (chart && !freshMain.querySelector('.timeline')) {
      var before = freshMain.querySelector('#no-results, .overview, .hits, .legend, .pagination');
      freshMain.insertBefore(chart, before);
      stale(chart);
    }
    var jump = main.querySelector('.jump-filters');
    var actions = freshMain.querySelector('.toolbar__actions');
    if (jump && actions && !actions.querySelector('.jump-filters')) actions.insertBefore(jump, actions.firstChild);
    var aside = layout.querySelector('.facets');
    if (aside) stale(aside);
    main.replaceWith(freshMain);
    ['data-url', 'data-words-prefix', 'data-words'].forEach(function (name) {
      if (fresh.hasAttribute(name)) layout.setAttribute(name, fresh.getAttribute(name)); else layout.removeAttribute(name);
    });
    if (doc.title) document.title = doc.title;
    var status = freshMain.querySelector('.summary[role=status]');
    if (status) status.setAttribute('aria-live', 'polite');
    document.documentElement.classList.remove('is-loading'); // a whole page it superseded was loading
    layout.removeAttribute('aria-busy');
    current = -1;
  }

  function stale(el) {
    el.classList.add('is-stale');
    el.setAttribute('aria-busy', 'true');
  }

  /**
   * The filters column, the year chart, the filters link and the "no results" notice of the facets part; then the
   * page is whole again.
   */
  function swapFacets(doc) {
    var layout = document.querySelector('.layout');
    var main = layout.querySelector('#results');
    var aside = layout.querySelector('.facets');
    var freshAside = doc.querySelector('aside.facets');
    if (freshAside) {
      if (aside) aside.replaceWith(freshAside); else layout.appendChild(freshAside);
    } else if (aside) {
      aside.remove();
    }
    layout.classList.toggle('layout--single', !freshAside);
    var chart = main.querySelector('.timeline');
    var freshChart = doc.querySelector('figure.timeline');
    if (freshChart && chart) chart.replaceWith(freshChart);
    else if (freshChart) main.insertBefore(freshChart, main.querySelector('#no-results, .overview, .hits, .legend, .pagination'));
    else if (chart) chart.remove();
    var jump = main.querySelector('.jump-filters');
    var freshJump = doc.querySelector('a.jump-filters');
    var actions = main.querySelector('.toolbar__actions');
    if (freshJump && jump) jump.replaceWith(freshJump);
    else if (freshJump && actions) actions.insertBefore(freshJump, actions.firstChild);
    else if (jump) jump.remove();
    // "no results" comes again with its suggestions (did you mean, the filter to drop)
    var notice = main.querySelector('#no-results');
    var freshNotice = doc.querySelector('#no-results');
    if (notice && freshNotice) notice.replaceWith(freshNotice);
    // the two parts together are the page: back and forward reuse it
    remember('page ' + shownUrl, { html: '<title>' + escapeHtml(document.title) + '</title>' + layout.outerHTML,
      url: shownUrl, at: Date.now() });
    if (freshAside) enhance(freshAside);
    if (freshChart) enhance(freshChart);
  }

  function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  function swap(doc, fresh, opts) {
    var layout = document.querySelector('.layout');
    layout.replaceWith(fresh);
    document.title = doc.title;
    // the state the visible controls do not carry travels in the search form's hidden fields
    var form = document.getElementById('search-form');
    var freshForm = doc.getElementById('search-form');
    if (form && freshForm) {
      form.querySelectorAll('input[type=hidden]').forEach(function (el) { el.remove(); });
      freshForm.querySelectorAll('input[type=hidden]').forEach(function (el) { form.appendChild(document.importNode(el, true)); });
      var box = document.getElementById('q');
      var freshBox = doc.getElementById('q');
      // while typing, the box keeps what has been typed since the request left
      if (box && freshBox && !opts.typing) box.value = freshBox.value;
    }
    var status = document.querySelector('.summary[role=status]');
    if (status) status.setAttribute('aria-live', 'polite');
    enhance(fresh);
    if (opts.focus) focusByKey(opts.focus);
  }

  function scrollToHash(hash) {
    var el = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (el) el.scrollIntoView({ block: 'start' });
  }

  /** The parts of the page that need script, set up on the page and on every swapped-in copy of the results. */
  function enhance(root) {
    root.querySelectorAll('.js-facet-filter').forEach(function (input) { facetFilter(input); });
    root.querySelectorAll('.js-year-chart').forEach(function (svg) { yearChart(svg); });
    current = -1;
  }

  function go(url) {
    if (document.body.classList.contains('page-search') && window.fetch && window.history.pushState) load(url, { push: true });
    else window.location.assign(url);
  }

  // ---- focus across a reload (without the instant path) ----

  function focusKey(el) {
    return el.type === 'checkbox' ? el.name + '=' + el.value : '#' + el.id;
  }

  function focusByKey(key) {
    var target = null;
    document.querySelectorAll('.js-autosubmit').forEach(function (el) {
      if (focusKey(el) === key) target = el;
    });
    if (target) target.focus({ preventScroll: true });
  }

  function restoreFocus() {
    var key = null;
    try {
      key = sessionStorage.getItem('parley.focus');
      sessionStorage.removeItem('parley.focus');
    } catch (e) { return; }
    if (key) focusByKey(key);
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

  // ---- keyboard: / focuses the box, j/k or the arrow keys move through results, Enter opens ----

  var current = -1;

  function keyboard(box) {
    document.addEventListener('keydown', function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      var t = e.target;
      var typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
      if (e.key === '/' && !typing && box) {
        e.preventDefault();
        box.focus();
        box.select();
        return;
      }
      if (t === box && e.key === 'ArrowDown') { // from the box into the results
        if (move(1, true)) e.preventDefault();
        return;
      }
      if (t === box && e.key === 'Escape') { box.blur(); return; }
      if (typing) return;
      if (e.key === 'j' || e.key === 'ArrowDown') { if (move(1)) e.preventDefault(); }
      else if (e.key === 'k' || e.key === 'ArrowUp') { if (move(-1)) e.preventDefault(); }
      else if (e.key === 'Enter' && current >= 0 && !(t.closest && t.closest('a, button, summary'))) {
        var hit = hits()[current];
        if (hit && hit.getAttribute('data-href')) { e.preventDefault(); window.location.assign(hit.getAttribute('data-href')); }
      }
    });
  }

  function hits() {
    return Array.prototype.slice.call(document.querySelectorAll('.hits .hit'));
  }

  function move(step, fromBox) {
    var all = hits();
    if (!all.length) return false;
    var active = document.activeElement && document.activeElement.closest ? document.activeElement.closest('.hit') : null;
    if (active) current = all.indexOf(active);
    var next = fromBox ? 0 : Math.max(0, Math.min(all.length - 1, current + step));
    if (current < 0 && !fromBox) next = 0;
    all.forEach(function (h, i) { h.classList.toggle('is-current', i === next); });
    current = next;
    var link = all[next].querySelector('.hit__link');
    if (link) link.focus({ preventScroll: true });
    all[next].scrollIntoView({ block: 'nearest' });
    return true;
  }

  // ---- the year chart: click a bar for its year, drag across bars for a range ----

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
    function clear() {
      if (preview) { preview.remove(); preview = null; }
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
    svg.addEventListener('pointerup', function (e) {
      if (!start) return;
      var s = start;
      start = null;
      clear();
      if (!dragged) return;
      var end = barAt(e.clientX);
      go(rangeUrl(Math.min(s.year, end.year), Math.max(s.year, end.year)));
    });
    svg.addEventListener('pointerleave', function () { start = null; clear(); });
    // after a drag, the click that ends it must not also follow the bar's link
    svg.addEventListener('click', function (e) {
      if (dragged) { e.preventDefault(); e.stopPropagation(); dragged = false; }
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

  // ---- facet value search: narrows the listed values, suggests the search's other values ----

  /** Lower case without accents: a box is typed without them ("turk" for Türkiye), as the API's suggestions are. */
  function fold(text) {
    return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }

  // A filter box for a long facet: narrows the listed values as you type, and asks the API for the values of
  // the current search that are not listed (GET /api/facets/{dim}?prefix=&q=&...), counted under it.
  function facetFilter(input) {
    var dim = input.getAttribute('data-dim');
    var list = input.closest('.facet').querySelector('.facet__values[data-dim="' + dim + '"]');
    if (!list) return;
    var extra = document.createElement('ul');
    extra.className = 'facet__values facet__suggestions';
    extra.setAttribute('aria-live', 'polite');
    list.parentNode.insertBefore(extra, list.nextSibling);
    var timer = null;
    var mySeq = 0;
    var controller = null;

    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { // Enter takes the first suggestion (or the only listed value left)
        e.preventDefault();
        var first = extra.querySelector('a') || null;
        if (first) { first.click(); return; }
        var visible = list.querySelectorAll('.facet__value:not(.is-hidden) input');
        if (visible.length === 1) visible[0].click();
      }
    });

    input.addEventListener('input', function () {
      var prefix = fold(input.value.trim());
      var listed = {};
      list.querySelectorAll('.facet__value').forEach(function (li) {
        var box = li.querySelector('input');
        var label = fold((li.querySelector('.facet__label') || li).textContent);
        if (box) listed[box.value.toLowerCase()] = true;
        var match = !prefix || label.indexOf(prefix) >= 0;
        li.classList.toggle('is-hidden', !match);
      });
      clearTimeout(timer);
      extra.textContent = '';
      if (prefix.length < 1) return;
      timer = setTimeout(function () { suggest(input.value.trim(), listed, ++mySeq); }, 150);
    });

    function suggest(prefix, listed, thisSeq) {
      // the values of the current search, counted under it: a suggestion never leads to an empty page
      var params = new URLSearchParams();
      var current = new URLSearchParams(window.location.search);
      ['q', 'country', 'year', 'speaker', 'year_from', 'year_to'].forEach(function (name) {
        current.getAll(name).forEach(function (v) { if (v) params.append(name, v); });
      });
      params.set('prefix', prefix);
      params.set('limit', '10');
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch('/api/facets/' + encodeURIComponent(dim) + '?' + params.toString(),
          { headers: { 'Accept': 'application/json' }, signal: controller ? controller.signal : undefined })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data || thisSeq !== mySeq) return;
          var values = Array.isArray(data) ? data : (data.values || []);
          extra.textContent = '';
          values.filter(function (v) { return v && v.value && !listed[String(v.value).toLowerCase()]; })
            .slice(0, 10)
            .forEach(function (v) { extra.appendChild(suggestion(dim, v)); });
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
