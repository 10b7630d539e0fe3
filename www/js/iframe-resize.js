// For pages that embed the calculator in an iframe: sizes each
// <iframe data-dprk-labor src=".../embed.html?..."> to its content, so it shows no inner
// scrollbar. Works with sandbox="allow-scripts". A classic script with no globals.
(function () {
  'use strict';
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'dprk-labor:height' || typeof data.height !== 'number') return;
    var height = Math.max(50, Math.min(20000, Math.ceil(data.height)));
    var frames = document.querySelectorAll('iframe[data-dprk-labor]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = height + 'px';
    }
  });
})();
