// The deadline calculator (hooks/deadlines.py renders its form, its static table and its data):
// from the date of the event a carrier counts from, each stage's date, the days left, what to do
// before it and its source; and a calendar file (.ics, RFC 5545) with reminders 14 and 3 days
// before each known stage, made in the browser. The last result stays in this browser
// (localStorage) for the exit plan. The date arithmetic is window.guideDeadlines, for the tests.
(function () {
  "use strict";
  var LAST_RESULT = "guide-deadlines-last";
  var DAY = 86400000;

  function pad(number, width) {
    var text = String(number);
    while (text.length < width) text = "0" + text;
    return text;
  }
  function isoDate(year, month, day) {
    return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2);
  }
  function parts(iso) {
    return iso.split("-").map(Number);
  }
  function utc(year, month, day) {
    var date = new Date(0);
    date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, also right for the years 0 to 99
    return date;
  }
  function daysInMonth(year, month) {
    return utc(year, month + 1, 0).getUTCDate();
  }

  // "N months after D" is the same day of the month N months later, or the last day of that month
  // when it is shorter: 31 August + 6 months = 28 February (29 in a leap year), as Python's
  // dateutil.relativedelta(months=N).
  function addMonths(iso, months) {
    var p = parts(iso);
    var index = p[0] * 12 + (p[1] - 1) + months;
    var year = Math.floor(index / 12);
    var month = index - year * 12 + 1;
    return isoDate(year, month, Math.min(p[2], daysInMonth(year, month)));
  }
  function addDays(iso, days) {
    var p = parts(iso);
    var date = utc(p[0], p[1], p[2] + days);
    return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  function daysBetween(fromIso, toIso) {
    var a = parts(fromIso), b = parts(toIso);
    return Math.round((utc(b[0], b[1], b[2]) - utc(a[0], a[1], a[2])) / DAY);
  }
  // "2026-03-31", "2026/3/31", "2026.3.31" or "2026年3月31日"; null for anything else or a day the month lacks.
  function parseDate(text) {
    var match = /^\s*(\d{4})\s*[-\/.年]\s*(\d{1,2})\s*[-\/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text);
    if (!match) return null;
    var year = +match[1], month = +match[2], day = +match[3];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
    return isoDate(year, month, day);
  }
  function today() {
    var now = new Date();
    return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
  }
  // Each stage's date, or null when it or a stage it counts from is unknown.
  function stageDates(carrier, eventIso) {
    var dates = { event: eventIso };
    return carrier.stages.map(function (stage) {
      var from = dates[stage.since];
      var date = null;
      if (from && stage.after) {
        date = stage.after.unit === "months" ? addMonths(from, stage.after.value) : addDays(from, stage.after.value);
      }
      dates[stage.stage] = date;
      return date;
    });
  }
  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? values[key] : whole;
    });
  }

  // RFC 5545: text escaped, lines folded at 75 octets (never inside a character), CRLF line ends.
  function icsText(text) {
    return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }
  function fold(line) {
    var encoder = new TextEncoder();
    var lines = [], current = "", octets = 0;
    Array.from(line).forEach(function (character) {
      var size = encoder.encode(character).length;
      if (octets + size > 75) {
        lines.push(current);
        current = " ";
        octets = 1;
      }
      current += character;
      octets += size;
    });
    lines.push(current);
    return lines.join("\r\n");
  }
  function calendar(data, country, carrier, dates, now) {
    var s = data.strings;
    var stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    var lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//" + data.host + "//Deadline calculator//" + data.lang.toUpperCase(),
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "X-WR-CALNAME:" + icsText(s.ics_calendar),
    ];
    carrier.stages.forEach(function (stage, i) {
      if (!dates[i]) return;
      var summary = format(s.ics_summary, { carrier: carrier.name, country: country.name, stage: s["stage_" + stage.stage] });
      var description = [s["action_" + stage.stage], stage.note, stage.source_url && s.ics_source + ": " + stage.source_url, country.page]
        .filter(Boolean)
        .join("\n");
      lines.push(
        "BEGIN:VEVENT",
        "UID:" + country.code + "-" + carrier.id + "-" + stage.stage + "@" + data.host,
        "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + dates[i].replace(/-/g, ""),
        "DTEND;VALUE=DATE:" + addDays(dates[i], 1).replace(/-/g, ""),
        "SUMMARY:" + icsText(summary),
        "DESCRIPTION:" + icsText(description),
        "TRANSP:TRANSPARENT"
      );
      [14, 3].forEach(function (days) {
        lines.push(
          "BEGIN:VALARM",
          "ACTION:DISPLAY",
          "TRIGGER:-P" + days + "D",
          "DESCRIPTION:" + icsText(format(s.ics_alarm, { days: days, summary: summary })),
          "END:VALARM"
        );
      });
      lines.push("END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }
  function download(name, text) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 10000);
  }
  function element(tag, text, attributes) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    return node;
  }
  function remember(value) {
    try {
      localStorage.setItem(LAST_RESULT, JSON.stringify(value));
    } catch (error) {
      // storage switched off: the calculator works without it
    }
  }

  function setUp(section) {
    var data = JSON.parse(section.querySelector(".guide-deadlines__data").textContent);
    var s = data.strings;
    var form = section.querySelector(".guide-deadlines__form");
    var countryBox = section.querySelector("#deadlines-country");
    var carrierBox = section.querySelector("#deadlines-carrier");
    var dateBox = section.querySelector("#deadlines-date");
    var dateLabel = section.querySelector("#deadlines-date-label");
    var result = section.querySelector(".guide-deadlines__result");

    function country() {
      var code = countryBox ? countryBox.value : data.countries[0].code;
      return data.countries.filter(function (c) { return c.code === code; })[0];
    }
    function carrier() {
      return country().carriers.filter(function (c) { return c.id === carrierBox.value; })[0] || country().carriers[0];
    }
    function relabel() {
      dateLabel.textContent = format(s.deadlines_date_label, { event: s["event_" + carrier().event] });
      result.textContent = "";
    }
    function fail(message) {
      result.textContent = "";
      result.appendChild(element("p", message, { class: "guide-deadlines__error" }));
      dateBox.setAttribute("aria-invalid", "true");
    }
    function show() {
      var typed = dateBox.value.trim();
      var eventDate = parseDate(typed);
      if (!typed) return fail(s.deadlines_error_empty);
      if (!eventDate) return fail(s.deadlines_error_invalid);
      var now = today();
      if (eventDate > now) return fail(s.deadlines_error_future);
      dateBox.removeAttribute("aria-invalid");
      var place = country(), chosen = carrier(), dates = stageDates(chosen, eventDate);
      result.textContent = "";
      result.appendChild(element("p", format(s.deadlines_result, { carrier: chosen.name, country: place.name, date: eventDate })));
      var table = element("table");
      var head = table.appendChild(element("thead")).appendChild(element("tr"));
      ["deadlines_stage", "deadlines_date", "deadlines_days_left", "deadlines_todo"].forEach(function (key) {
        head.appendChild(element("th", s[key], { scope: "col" }));
      });
      var body = table.appendChild(element("tbody"));
      chosen.stages.forEach(function (stage, i) {
        var row = body.appendChild(element("tr", null, { "data-stage": stage.stage }));
        row.appendChild(element("th", s["stage_" + stage.stage], { scope: "row" }));
        var dateCell = row.appendChild(element("td", null, { class: "guide-deadlines__date" }));
        var shown = dates[i] ? element("time", dates[i], { datetime: dates[i] }) : document.createTextNode(s.stage_unknown);
        if (stage.source) {
          var link = dateCell.appendChild(element("a", null, { href: stage.source, title: s.deadlines_source }));
          link.appendChild(shown);
        } else {
          dateCell.appendChild(shown);
        }
        var left = dates[i] === null ? null : daysBetween(now, dates[i]);
        row.appendChild(element("td",
          left === null ? s.deadlines_unknown_date
            : left > 0 ? format(s.deadlines_left, { days: left })
            : left === 0 ? s.deadlines_today
            : format(s.deadlines_past, { days: -left }),
          { class: "guide-deadlines__left" }));
        row.appendChild(element("td", s["action_" + stage.stage]));
      });
      var wrapper = result.appendChild(element("div", null, { class: "md-typeset__scrollwrap" }));
      wrapper.appendChild(element("div", null, { class: "md-typeset__table" })).appendChild(table);
      if (dates.some(Boolean)) {
        var button = result.appendChild(element("button", s.deadlines_ics, { type: "button", class: "md-button guide-deadlines__ics" }));
        button.addEventListener("click", function () {
          download("deadlines-" + place.code + "-" + chosen.id + ".ics", calendar(data, place, chosen, dates, new Date()));
        });
      }
      remember({
        country: place.name,
        carrier: chosen.name,
        event: s["event_" + chosen.event],
        date: eventDate,
        stages: chosen.stages.map(function (stage, i) { return { stage: stage.stage, date: dates[i] }; }),
      });
    }

    if (countryBox) {
      countryBox.addEventListener("change", function () {
        carrierBox.textContent = "";
        country().carriers.forEach(function (c) {
          carrierBox.appendChild(element("option", c.name, { value: c.id }));
        });
        relabel();
      });
    }
    carrierBox.addEventListener("change", relabel);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      show();
    });
    section.querySelector(".guide-deadlines__static").hidden = true;
    form.hidden = false;
  }

  window.guideDeadlines = {
    addMonths: addMonths,
    addDays: addDays,
    daysBetween: daysBetween,
    parseDate: parseDate,
    stageDates: stageDates,
    calendar: calendar,
  };
  function setUpAll() {
    document.querySelectorAll(".guide-deadlines").forEach(function (section) {
      if (!section.dataset.ready) {
        section.dataset.ready = "true";
        setUp(section);
      }
    });
  }
  if (window.document$) window.document$.subscribe(setUpAll);
  else setUpAll();
})();
