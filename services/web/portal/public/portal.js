/* Citizen portal: progressive enhancement only; every page works without this file. */
/* global document, window, navigator, history, Image, DataTransfer, File */
(function () {
  'use strict';
  var MAX_SIDE = 1600;
  var JPEG_QUALITY = 0.85;

  function $(selector, root) {
    return (root || document).querySelector(selector);
  }

  // Vietnamese without diacritics, lower case: "Đức Thọ" → "duc tho".
  function fold(s) {
    return s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
  }

  // The error summary takes the focus, so a screen reader announces what to fix.
  var summary = $('[data-error-summary]');
  if (summary) summary.focus();

  // Copy the tracking link.
  var copy = $('[data-copy]');
  if (copy) {
    var status = $('[data-copy-status]');
    copy.hidden = false;
    copy.addEventListener('click', function () {
      var text = copy.getAttribute('data-copy');
      var done = function () {
        status.textContent = copy.getAttribute('data-copied');
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, function () {
          selectLink();
        });
      } else {
        selectLink();
      }
    });
  }
  function selectLink() {
    var link = $('#tracking-link');
    var range = document.createRange();
    range.selectNodeContents(link);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  // A private follow-up link (#token=…): hand the token to the server, which keeps it in a
  // cookie for this case, and drop it from the address bar and history.
  var hash = window.location.hash;
  if (hash.indexOf('#token=') === 0 && $('[data-code]')) {
    history.replaceState(null, '', window.location.pathname + window.location.search);
    var form = document.createElement('form');
    form.method = 'post';
    form.action = window.location.pathname + '/lien-ket';
    var input = document.createElement('input');
    input.type = 'hidden';
    input.name = 'token';
    input.value = decodeURIComponent(hash.slice(7));
    form.appendChild(input);
    document.body.appendChild(form);
    form.submit();
  }

  // Commune picker: a filter box over the <select>, ignoring diacritics.
  var picker = $('[data-commune-picker]');
  if (picker) {
    var select = $('select', picker);
    var template = $('template[data-commune-filter]', picker);
    picker.insertBefore(template.content.cloneNode(true), select);
    var filter = $('#f-commune-filter', picker);
    var filterStatus = $('#s-commune-filter', picker);
    var groups = [];
    var none = select.options[0];
    Array.prototype.forEach.call(select.children, function (child) {
      if (child.tagName === 'OPTGROUP') {
        groups.push({
          label: child.label,
          options: Array.prototype.map.call(child.children, entry),
        });
      } else if (child !== none) {
        groups.push({ label: '', options: [entry(child)] });
      }
    });
    function entry(option) {
      return { option: option, key: fold(option.text + ' ' + (option.parentNode.label || '')) };
    }
    filter.addEventListener('input', function () {
      var words = fold(filter.value).split(' ').filter(Boolean);
      var chosen = select.value;
      var count = 0;
      select.textContent = '';
      if (words.length === 0) select.appendChild(none);
      groups.forEach(function (group) {
        var matches = group.options.filter(function (o) {
          return words.every(function (w) {
            return o.key.indexOf(w) !== -1;
          });
        });
        if (matches.length === 0) return;
        count += matches.length;
        var parent = select;
        if (group.label) {
          parent = document.createElement('optgroup');
          parent.label = group.label;
          select.appendChild(parent);
        }
        matches.forEach(function (o) {
          parent.appendChild(o.option);
        });
      });
      if (words.length === 0) {
        select.value = chosen;
        filterStatus.textContent = '';
        return;
      }
      if (count === 0) {
        select.appendChild(none);
        none.selected = true;
        filterStatus.textContent = filterStatus.getAttribute('data-none');
        return;
      }
      var keep = Array.prototype.some.call(select.options, function (o) {
        return o.value === chosen;
      });
      select.value = keep ? chosen : select.options[0].value;
      filterStatus.textContent = filterStatus.getAttribute('data-some').replace('{n}', count);
    });
  }

  // The name field only matters when the citizen does not stay anonymous.
  var named = $('[data-named-only]');
  var anonymous = $('#f-contact-anonymous');
  if (named && anonymous) {
    var sync = function () {
      named.hidden = anonymous.checked;
    };
    Array.prototype.forEach.call(document.querySelectorAll('input[name=contact]'), function (r) {
      r.addEventListener('change', sync);
    });
    sync();
  }

  // Photos are made at most 1600 px on their longer side (JPEG) before the form is sent.
  var submitForm = $('[data-submit-form]');
  if (submitForm) {
    var photos = $('#f-photos', submitForm);
    var formStatus = $('[data-form-status]', submitForm);
    var button = $('button[type=submit]', submitForm);
    var sending = false;
    submitForm.addEventListener('submit', function (event) {
      if (sending) {
        event.preventDefault();
        return;
      }
      sending = true;
      var files = photos && photos.files ? Array.prototype.slice.call(photos.files) : [];
      if (files.length === 0 || typeof DataTransfer === 'undefined') {
        formStatus.textContent = formStatus.getAttribute('data-sending');
        button.disabled = true;
        return;
      }
      event.preventDefault();
      button.disabled = true;
      formStatus.textContent = formStatus.getAttribute('data-resizing');
      Promise.all(files.map(resize)).then(function (resized) {
        var list = new DataTransfer();
        resized.forEach(function (f) {
          list.items.add(f);
        });
        photos.files = list.files;
        formStatus.textContent = formStatus.getAttribute('data-sending');
        submitForm.submit();
      });
    });
  }

  function resize(file) {
    return new Promise(function (resolve) {
      if (!/^image\//.test(file.type)) return resolve(file);
      var url = URL.createObjectURL(file);
      var img = new Image();
      img.onload = function () {
        var w = img.naturalWidth;
        var h = img.naturalHeight;
        var scale = Math.min(1, MAX_SIDE / Math.max(w, h));
        if (scale === 1 && file.type === 'image/jpeg') {
          URL.revokeObjectURL(url);
          return resolve(file);
        }
        var canvas = document.createElement('canvas');
        canvas.width = Math.round(w * scale);
        canvas.height = Math.round(h * scale);
        var ctx = canvas.getContext('2d');
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
        URL.revokeObjectURL(url);
        canvas.toBlob(
          function (blob) {
            if (!blob) return resolve(file);
            var name = (file.name || 'anh').replace(/\.[^.]*$/, '') + '.jpg';
            resolve(new File([blob], name, { type: 'image/jpeg' }));
          },
          'image/jpeg',
          JPEG_QUALITY,
        );
      };
      img.onerror = function () {
        URL.revokeObjectURL(url);
        resolve(file);
      };
      img.src = url;
    });
  }
})();
