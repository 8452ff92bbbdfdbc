/*!
 * Hatch Atlas (孵化图谱) embed host script, Apache-2.0 / MIT-style use permitted.
 * Include once on a page that embeds Hatch Atlas charts in <iframe>s:
 *   <script src="https://YOUR-HOST/PATH/embed-host.js" async></script>
 * It listens for the embed's resize message and sets the height of the iframe
 * that sent it. Protocol (see README.md, "Embedding"):
 *   { type: 'hatch-atlas:resize', version: 1, height: <px>, width: <px>, href: <url> }
 * An iframe with the attribute data-hatch-atlas-fixed-height keeps its height.
 * Nothing from a message is inserted into the page.
 */
(function () {
  'use strict';
  if (window.__hatchAtlasHost) return;
  window.__hatchAtlasHost = true;
  var MIN = 150;
  var MAX = 4000;
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || typeof d !== 'object' || d.type !== 'hatch-atlas:resize' || d.version !== 1) return;
    var h = Number(d.height);
    if (!isFinite(h)) return;
    h = Math.max(MIN, Math.min(MAX, Math.ceil(h)));
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (f.contentWindow !== e.source) continue;
      if (f.hasAttribute('data-hatch-atlas-fixed-height')) return;
      if (f.style.height !== h + 'px') {
        f.style.height = h + 'px';
        f.setAttribute('height', String(h));
        try {
          f.dispatchEvent(new CustomEvent('hatch-atlas:resized', { detail: { height: h } }));
        } catch (err) {
          /* old browsers without CustomEvent: resizing still done */
        }
      }
      return;
    }
  });
})();
