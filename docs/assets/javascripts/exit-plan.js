// The personal exit plan on the accounts guide (hooks/exit_plan.py renders its form and data): the
// reader ticks the accounts tied to the number and gets a printable checklist, in order, with each
// service's official help links and the deadlines the calculator last worked out in this browser.
// The ticks stay in this browser (localStorage) and nothing is sent; "forget" clears them. Without
// JavaScript the section stays hidden and the page's text is unchanged.
(function () {
  "use strict";
  var TICKS = "guide-exit-plan";
  var LAST_RESULT = "guide-deadlines-last"; // written by deadlines.js

  function read(key) {
    try {
      return JSON.parse(localStorage.getItem(key) || "null");
    } catch (error) {
      return null;
    }
  }
  function write(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(value));
    } catch (error) {
      // storage switched off: the plan works for this visit
    }
  }
  function element(tag, text, attributes) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    return node;
  }

  function setUp(section) {
    var data = JSON.parse(section.querySelector(".guide-exit-plan__data").textContent);
    var s = data.strings;
    var form = section.querySelector(".guide-exit-plan__form");
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var result = section.querySelector(".guide-exit-plan__result");

    function ticked() {
      return boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
    }
    function checklist() {
      var chosen = ticked();
      result.textContent = "";
      if (!chosen.length) {
        result.appendChild(element("p", s.exit_none));
        return;
      }
      var list = result.appendChild(element("ol", null, { class: "guide-exit-plan__list" }));
      list.appendChild(element("li", s.exit_first));
      data.services.forEach(function (service) {
        if (chosen.indexOf(service.id) === -1) return;
        var item = list.appendChild(element("li", null, { "data-service": service.id }));
        item.appendChild(element("strong", service.name));
        item.appendChild(document.createTextNode(s.stage_separator));
        if (service.help.length) {
          item.appendChild(document.createTextNode(s.exit_help + s.stage_separator));
          service.help.forEach(function (help, i) {
            if (i) item.appendChild(document.createTextNode(" · "));
            item.appendChild(element("a", help.title, { href: help.url, rel: "noopener" }));
          });
          item.appendChild(document.createTextNode(" · "));
          item.appendChild(element("a", s.exit_section, { href: service.anchor }));
        } else {
          item.appendChild(element("a", s.exit_no_official, { href: service.anchor }));
        }
      });
      var deadlines = list.appendChild(element("li", null, { class: "guide-exit-plan__deadlines" }));
      deadlines.appendChild(element("strong", s.exit_deadlines));
      var last = read(LAST_RESULT);
      if (last && last.stages) {
        deadlines.appendChild(element("p", last.country + " · " + last.carrier + " · " + last.event + s.stage_separator + last.date));
        var stages = deadlines.appendChild(element("ul"));
        last.stages.forEach(function (stage) {
          stages.appendChild(element("li", s["stage_" + stage.stage] + s.stage_separator + (stage.date || s.stage_unknown)));
        });
      } else {
        deadlines.appendChild(element("p")).appendChild(element("a", s.exit_no_deadlines, { href: data.calculator }));
      }
      list.appendChild(element("li", s.exit_last));
    }

    var saved = read(TICKS) || [];
    boxes.forEach(function (box) {
      box.checked = saved.indexOf(box.value) !== -1;
      box.addEventListener("change", function () { write(TICKS, ticked()); });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      write(TICKS, ticked());
      checklist();
    });
    section.querySelector(".guide-exit-plan__print").addEventListener("click", function () {
      checklist();
      document.body.classList.add("guide-exit-plan-printing");
      window.print();
    });
    window.addEventListener("afterprint", function () {
      document.body.classList.remove("guide-exit-plan-printing");
    });
    section.querySelector(".guide-exit-plan__forget").addEventListener("click", function () {
      write(TICKS, null);
      write(LAST_RESULT, null);
      boxes.forEach(function (box) { box.checked = false; });
      result.textContent = "";
      result.appendChild(element("p", s.exit_forgotten));
    });
    section.hidden = false;
    if (saved.length) checklist();
  }

  function setUpAll() {
    document.querySelectorAll(".guide-exit-plan").forEach(function (section) {
      if (!section.dataset.ready) {
        section.dataset.ready = "true";
        setUp(section);
      }
    });
  }
  if (window.document$) window.document$.subscribe(setUpAll);
  else setUpAll();
})();
