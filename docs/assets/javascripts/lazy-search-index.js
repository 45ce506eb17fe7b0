// Fetch the search index when a reader first opens the search, not with every page: it is the
// largest download of a page. Material requests it with XMLHttpRequest as soon as it starts, so
// this script runs before Material's and holds that one request back until the search is used.
(function () {
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var released = false;

  function release() {
    if (released) return;
    released = true;
    held.forEach(function (go) { go(); });
    held = [];
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.isSearchIndex = /search_index\.json$/.test(String(url));
    return open.apply(this, arguments);
  };

  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.isSearchIndex || released) return send.apply(request, args);
    held.push(function () { send.apply(request, args); });
  };

  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) release();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") release();
  });
})();
