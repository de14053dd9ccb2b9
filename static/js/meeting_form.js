// The meeting form: rows added and removed in the page (nothing typed is lost), type-to-search pickers for
// people, offices and programs, and adding a new person without leaving the form. No inline handlers (CSP).
(function () {
  "use strict";

  document.documentElement.classList.add("js");
  var form = document.getElementById("meeting-form");
  if (!form) {
    return;
  }
  var pickerCount = 0;

  // --- Type-to-search picker over a native <select> -------------------------------------------------------
  // The <select> stays in the form (hidden) and is what gets submitted; the picker is an ARIA combobox in front
  // of it. Matching: every word typed must appear in the option's text, ignoring case.

  function words(text) {
    return text.toLowerCase().split(/\s+/).filter(Boolean);
  }

  function matches(label, query) {
    var haystack = label.toLowerCase();
    return words(query).every(function (word) { return haystack.indexOf(word) !== -1; });
  }

  function enhance(select) {
    if (select.dataset.enhanced || select.closest("template")) {
      return;
    }
    select.dataset.enhanced = "1";
    pickerCount += 1;
    var multiple = select.multiple;
    var kind = select.dataset.searchable;
    var wrapper = document.createElement("div");
    wrapper.className = "picker";
    var chips = document.createElement("div");
    chips.className = "picker-chips";
    var input = document.createElement("input");
    input.type = "text";
    input.className = "form-control" + (select.classList.contains("is-invalid") ? " is-invalid" : "");
    input.id = select.id + "_search";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("autocomplete", "off");
    input.placeholder = multiple ? "พิมพ์เพื่อค้นหา เลือกได้หลายรายการ" : "พิมพ์เพื่อค้นหา";
    var list = document.createElement("ul");
    list.className = "picker-list";
    list.id = "picker-list-" + pickerCount;
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.setAttribute("aria-controls", list.id);
    if (select.getAttribute("aria-describedby")) {
      input.setAttribute("aria-describedby", select.getAttribute("aria-describedby"));
    }
    var label = document.querySelector("label[for='" + select.id + "']");
    if (label) {
      label.htmlFor = input.id;
      label.id = label.id || input.id + "_label";
      list.setAttribute("aria-labelledby", label.id);
    }
    select.hidden = true;
    select.tabIndex = -1;
    select.parentNode.insertBefore(wrapper, select);
    if (multiple) {
      wrapper.appendChild(chips);
    }
    wrapper.appendChild(input);
    wrapper.appendChild(list);
    wrapper.appendChild(select);
    var active = -1;
    var shown = [];

    function selectedOption() {
      return select.selectedIndex >= 0 ? select.options[select.selectedIndex] : null;
    }

    function showSelection() {
      if (multiple) {
        chips.textContent = "";
        Array.prototype.forEach.call(select.selectedOptions, function (option) {
          var chip = document.createElement("span");
          chip.className = "picker-chip";
          chip.appendChild(document.createTextNode(option.text));
          var remove = document.createElement("button");
          remove.type = "button";
          remove.textContent = "×";
          remove.setAttribute("aria-label", "นำ " + option.text + " ออก");
          remove.addEventListener("click", function () {
            option.selected = false;
            showSelection();
            input.focus();
          });
          chip.appendChild(remove);
          chips.appendChild(chip);
        });
      } else {
        var option = selectedOption();
        input.value = option && option.value ? option.text : "";
      }
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(index) {
      var items = list.querySelectorAll("li[role=option]:not([aria-disabled=true])");
      if (!items.length) {
        return;
      }
      active = (index + items.length) % items.length;
      items.forEach(function (item, i) { item.classList.toggle("is-active", i === active); });
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function open(query) {
      list.textContent = "";
      shown = [];
      Array.prototype.forEach.call(select.options, function (option) {
        if (option.value && (!query || matches(option.text, query))) {
          shown.push(option);
        }
      });
      shown.slice(0, 60).forEach(function (option, i) {
        var item = document.createElement("li");
        item.id = list.id + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", option.selected ? "true" : "false");
        item.textContent = option.text;
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(option);
        });
        list.appendChild(item);
      });
      if (!shown.length) {
        var none = document.createElement("li");
        none.className = "picker-empty";
        none.id = list.id + "-none";
        // An option that cannot be chosen: a listbox holds only options (axe: aria-required-children).
        none.setAttribute("role", "option");
        none.setAttribute("aria-disabled", "true");
        none.textContent = "ไม่พบ “" + query + "”";
        list.appendChild(none);
      }
      if (kind === "person" && form.dataset.personUrl) {
        var add = document.createElement("li");
        add.id = list.id + "-add";
        add.className = "picker-add";
        add.setAttribute("role", "option");
        add.setAttribute("aria-selected", "false");
        add.textContent = "+ เพิ่มบุคคลใหม่" + (query ? " “" + query + "”" : "");
        add.addEventListener("mousedown", function (event) {
          event.preventDefault();
          close();
          addPerson(select, query);
        });
        list.appendChild(add);
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
    }

    function choose(option) {
      if (multiple) {
        option.selected = !option.selected;
        input.value = "";
        showSelection();
        open("");
      } else {
        select.value = option.value;
        showSelection();
        close();
      }
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }

    input.addEventListener("focus", function () {
      if (!multiple) {
        input.select();
      }
    });
    input.addEventListener("input", function () {
      open(input.value.trim());
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (list.hidden) {
          open(multiple ? input.value.trim() : "");
        }
        setActive(active + (event.key === "ArrowDown" ? 1 : -1));
      } else if (event.key === "Enter" && !list.hidden) {
        event.preventDefault();
        var item = active >= 0 ? list.querySelectorAll("li[role=option]:not([aria-disabled=true])")[active] : null;
        if (item && item.classList.contains("picker-add")) {
          close();
          addPerson(select, input.value.trim());
        } else if (item) {
          choose(shown[active]);
        } else if (shown.length === 1) {
          choose(shown[0]);
        }
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
        showSelection();
      } else if (event.key === "Backspace" && multiple && !input.value && select.selectedOptions.length) {
        select.selectedOptions[select.selectedOptions.length - 1].selected = false;
        showSelection();
      }
    });
    input.addEventListener("blur", function () {
      close();
      if (!multiple) {
        // An emptied box clears the choice; a half-typed name goes back to what is chosen.
        if (!input.value.trim()) {
          select.value = "";
        }
        showSelection();
      } else {
        input.value = "";
      }
    });
    select.addEventListener("picker:refresh", showSelection);
    showSelection();
  }

  function enhanceAll(root) {
    root.querySelectorAll("select[data-searchable]").forEach(enhance);
  }

  // --- Rows: add from the <template>, remove by ticking DELETE (with undo) -------------------------------------

  function renumber(formset) {
    var visible = formset.querySelectorAll("[data-row]:not(.is-removed)");
    visible.forEach(function (row, i) {
      var number = row.querySelector("[data-row-number]");
      if (number) {
        number.textContent = String(i + 1);
      }
    });
    var note = formset.querySelector("[data-empty-note]");
    if (note) {
      note.hidden = visible.length > 0;
    }
  }

  function addRow(formset) {
    var prefix = formset.dataset.formset;
    var total = formset.querySelector("input[name='" + prefix + "-TOTAL_FORMS']");
    var index = parseInt(total.value, 10);
    var html = formset.querySelector("template[data-row-template]").innerHTML.replace(/__prefix__/g, String(index));
    var holder = document.createElement("div");
    holder.innerHTML = html;
    var row = holder.firstElementChild;
    formset.querySelector("[data-rows]").appendChild(row);
    total.value = String(index + 1);
    enhanceAll(row);
    syncPresence(row);
    renumber(formset);
    var first = row.querySelector("input:not([type=hidden]):not([type=checkbox]), textarea, select:not([hidden])");
    if (first) {
      first.focus();
    }
  }

  function removeRow(row) {
    var formset = row.closest("[data-formset]");
    var box = row.querySelector("input[type=checkbox][name$='-DELETE']");
    if (box) {
      box.checked = true;
    }
    var label = row.querySelector("[data-row-label]").textContent + " " + row.querySelector("[data-row-number]").textContent;
    row.classList.add("is-removed");
    var bar = document.createElement("div");
    bar.className = "undo-bar";
    bar.setAttribute("role", "status");
    var text = document.createElement("span");
    text.textContent = "นำ" + label + "ออกแล้ว (จะลบเมื่อกดบันทึก)";
    var undo = document.createElement("button");
    undo.type = "button";
    undo.className = "btn btn-sm btn-outline-secondary";
    undo.textContent = "เลิกทำ";
    undo.addEventListener("click", function () {
      if (box) {
        box.checked = false;
      }
      row.classList.remove("is-removed");
      bar.remove();
      renumber(formset);
      var focusable = row.querySelector("input:not([type=hidden]):not([type=checkbox]), textarea");
      if (focusable) {
        focusable.focus();
      }
    });
    bar.appendChild(text);
    bar.appendChild(undo);
    row.after(bar);
    renumber(formset);
    undo.focus();
  }

  form.addEventListener("click", function (event) {
    var add = event.target.closest("[data-action=add-row]");
    if (add) {
      addRow(add.closest("[data-formset]"));
      return;
    }
    var remove = event.target.closest("[data-action=remove-row]");
    if (remove) {
      removeRow(remove.closest("[data-row]"));
    }
  });

  // Rows ticked for removal before a failed save stay removed (and undoable) when the page comes back.
  form.querySelectorAll("[data-row]").forEach(function (row) {
    var box = row.querySelector("input[type=checkbox][name$='-DELETE']");
    if (box && box.checked) {
      removeRow(row);
    }
  });

  // --- Attendance: the reason only for the absent, the person replaced only for a substitute ----------------

  function syncPresence(row) {
    var presence = row.querySelector("select[name$='-presence']");
    if (!presence) {
      return;
    }
    row.querySelectorAll("[data-show-when]").forEach(function (part) {
      var show = part.dataset.showWhen === presence.value || part.querySelector(".is-invalid");
      part.hidden = !show;
    });
  }

  form.addEventListener("change", function (event) {
    if (event.target.matches("select[name$='-presence']")) {
      syncPresence(event.target.closest("[data-row]"));
    }
  });

  // --- A new person, added from a picker --------------------------------------------------------------------

  var dialog = document.getElementById("person-dialog");
  var personForm = document.getElementById("person-form");
  var personTarget = null;

  function addPerson(select, typed) {
    personTarget = select;
    personForm.reset();
    personForm.querySelectorAll(".is-invalid").forEach(function (el) { el.classList.remove("is-invalid"); });
    personForm.querySelectorAll("[data-field-error]").forEach(function (el) { el.remove(); });
    personForm.querySelector("[data-person-error]").classList.add("d-none");
    var parts = words(typed || "");
    var titles = ["นางสาว", "นาง", "นาย"];
    var title = personForm.querySelector("[name=new_person-title]");
    titles.some(function (t) {
      if (parts.length && parts[0].indexOf(t) === 0 && parts[0].length > t.length) {
        title.value = t;
        parts[0] = parts[0].slice(t.length);
        return true;
      }
      return false;
    });
    personForm.querySelector("[name=new_person-first_name]").value = parts[0] || "";
    personForm.querySelector("[name=new_person-last_name]").value = parts.slice(1).join(" ");
    window.bootstrap.Modal.getOrCreateInstance(dialog).show();
  }

  if (dialog) {
    dialog.addEventListener("shown.bs.modal", function () {
      var title = personForm.querySelector("[name=new_person-title]");
      (title.value ? personForm.querySelector("[name=new_person-position]") : title).focus();
    });
    dialog.addEventListener("hidden.bs.modal", function () {
      if (personTarget) {
        var input = document.getElementById(personTarget.id + "_search");
        if (input) {
          input.focus();
        }
      }
    });
  }

  function showPersonErrors(errors) {
    Object.keys(errors).forEach(function (name) {
      var field = personForm.querySelector("[name=new_person-" + name + "]");
      var message = errors[name].join(" ");
      if (!field) {
        var box = personForm.querySelector("[data-person-error]");
        box.textContent = message;
        box.classList.remove("d-none");
        return;
      }
      field.classList.add("is-invalid");
      var note = document.createElement("div");
      note.className = "invalid-feedback d-block";
      note.dataset.fieldError = "1";
      note.id = field.id + "_error";
      note.textContent = message;
      field.setAttribute("aria-describedby", note.id);
      field.after(note);
    });
  }

  if (personForm) {
    personForm.addEventListener("submit", function (event) {
      event.preventDefault();
      personForm.querySelectorAll(".is-invalid").forEach(function (el) { el.classList.remove("is-invalid"); });
      personForm.querySelectorAll("[data-field-error]").forEach(function (el) { el.remove(); });
      fetch(form.dataset.personUrl, {
        method: "POST",
        body: new FormData(personForm),
        headers: { "X-Requested-With": "fetch" },
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.json().then(function (body) { return { ok: response.ok, body: body }; });
        })
        .then(function (result) {
          if (!result.ok) {
            showPersonErrors(result.body.errors || { __all__: ["เพิ่มบุคคลไม่สำเร็จ กรุณาลองอีกครั้ง"] });
            return;
          }
          // Every person list on the page (and in the row templates) learns the new name.
          var lists = document.querySelectorAll("select[data-searchable=person]");
          lists.forEach(function (select) { select.add(new Option(result.body.label, result.body.id)); });
          document.querySelectorAll("template[data-row-template]").forEach(function (template) {
            template.content.querySelectorAll("select[data-searchable=person]").forEach(function (select) {
              select.add(new Option(result.body.label, result.body.id));
            });
          });
          if (personTarget) {
            personTarget.value = String(result.body.id);
            personTarget.dispatchEvent(new Event("picker:refresh"));
          }
          window.bootstrap.Modal.getOrCreateInstance(dialog).hide();
        })
        .catch(function () {
          showPersonErrors({ __all__: ["เชื่อมต่อระบบไม่ได้ ข้อมูลในแบบฟอร์มการประชุมยังอยู่ครบ กรุณาลองอีกครั้ง"] });
        });
    });
  }

  // --- Start ------------------------------------------------------------------------------------------------
  enhanceAll(form);
  form.querySelectorAll("[data-row]").forEach(syncPresence);
  var errors = document.getElementById("form-errors");
  var firstInvalid = form.querySelector(".is-invalid");
  if (errors && firstInvalid) {
    var target = document.getElementById(firstInvalid.id + "_search") || firstInvalid;
    target.focus();
    target.scrollIntoView({ block: "center" });
  }
})();
