// Page behaviour without inline scripts (the Content-Security-Policy forbids them).
document.addEventListener("click", function (event) {
  var back = event.target.closest("[data-back]");
  if (back && window.history.length > 1) {
    event.preventDefault();
    window.history.back();
  }
});

// Type-ahead pickers (core/pickers.py): a <select data-picker="/search/suggest/?kind=…"> holds only the chosen rows;
// a search box above it asks the server as the user types and adds the picked row; chosen rows show as chips.
(function () {
  function chips(select, box) {
    box.textContent = "";
    Array.prototype.forEach.call(select.options, function (option) {
      if (!option.selected || !option.value) return;
      var chip = document.createElement("span");
      chip.className = "picker-chip";
      chip.textContent = option.text + " ";
      var remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = "×";
      remove.title = "Bỏ chọn";
      remove.addEventListener("click", function () {
        option.selected = false;
        if (!select.multiple) select.value = "";
        chips(select, box);
      });
      chip.appendChild(remove);
      box.appendChild(chip);
    });
  }

  function choose(select, box, row) {
    var option = Array.prototype.find.call(select.options, function (o) { return o.value === String(row.id); });
    if (!option) {
      option = new Option(row.label, row.id);
      select.add(option);
    }
    if (!select.multiple) select.value = String(row.id);
    option.selected = true;
    chips(select, box);
  }

  function setUp(select) {
    var input = document.createElement("input");
    input.type = "search";
    input.className = "picker-input";
    input.placeholder = "Gõ để tìm…";
    input.setAttribute("aria-label", "Tìm để chọn");
    var list = document.createElement("ul");
    list.className = "picker-results";
    var box = document.createElement("div");
    box.className = "picker-chips";
    select.hidden = true;
    select.required = false; // a hidden control cannot show the browser's message; the server says what is missing
    select.parentNode.insertBefore(box, select);
    select.parentNode.insertBefore(input, select);
    select.parentNode.insertBefore(list, select);
    chips(select, box);
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var text = input.value.trim();
        list.textContent = "";
        if (!text) return;
        fetch(select.dataset.picker + "&q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.json(); })
          .then(function (answer) {
            list.textContent = "";
            (answer.results || []).forEach(function (row) {
              var item = document.createElement("li");
              var button = document.createElement("button");
              button.type = "button";
              button.textContent = row.label;
              button.addEventListener("click", function () {
                choose(select, box, row);
                list.textContent = "";
                input.value = "";
              });
              item.appendChild(button);
              list.appendChild(item);
            });
            if (!list.children.length) {
              var none = document.createElement("li");
              none.textContent = "Không tìm thấy.";
              list.appendChild(none);
            }
          });
      }, 200);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("select[data-picker]").forEach(setUp);
  });
})();

// "Chọn tất cả trên trang": a header checkbox data-check-all="ids" ticks every row checkbox named "ids".
document.addEventListener("change", function (event) {
  var all = event.target.closest("[data-check-all]");
  if (!all) return;
  document.querySelectorAll('input[type=checkbox][name="' + all.dataset.checkAll + '"]').forEach(function (box) {
    box.checked = all.checked;
  });
});
