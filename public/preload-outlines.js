/*
 * Hatch Atlas: preload the province outline file(s) the first chart of this address draws with
 * (data/geo/china.json, china.svg); the other follows that chart. The same choice as
 * src/state/mapFiles.ts firstMapFiles, held to the same answers by tests/unit/state/mapFiles.test.ts.
 * A file of its own rather than inline, for host pages with a strict Content-Security-Policy.
 */
(function (d, q) {
  var on = function (k) { return /^(1|true|yes)$/.test(q.get(k) || ''); };
  var off = function (k) { return /^(0|false|no)$/.test(q.get(k) || ''); };
  var v = q.get('view');
  if (!/^(map|ranking|trend|table|province|carriers|coverage)$/.test(v || '')) v = 'overview';
  var f = on('present') || q.get('deck') ? ['json', 'svg'] : v === 'overview' ? ['json'] : v !== 'map' ? [] : q.get('year') === 'latest' || on('decal') ? ['json'] : q.get('layer') === 'carriers' || on('labels') || (on('static') && !off('labels')) ? ['json', 'svg'] : ['svg'];
  f.forEach(function (x) {
    var l = d.createElement('link');
    l.rel = 'preload';
    l.as = 'fetch';
    l.crossOrigin = 'anonymous';
    l.href = 'data/geo/china.' + x;
    d.head.appendChild(l);
  });
})(document, new URLSearchParams(location.search));
