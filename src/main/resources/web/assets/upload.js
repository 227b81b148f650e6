// Upload forms, enhanced: the files go with XMLHttpRequest so the page shows how far the sending has got,
// then the server's own progress (reading, storing) is polled until the upload is stored. Without
// JavaScript the form posts as usual.
(function () {
  function fill(pattern, value) {
    return pattern.replace('{0}', value);
  }

  function shopOf(form) {
    var field = form.querySelector('input[name=shop]');
    if (field) {
      return field.value;
    }
    var match = form.getAttribute('action').match(/^\/shops\/([^/]+)\/uploads$/);
    return match ? decodeURIComponent(match[1]) : null;
  }

  function enhance(form) {
    form.addEventListener('submit', function (event) {
      if (!window.FormData || !window.XMLHttpRequest || !form.reportValidity()) {
        return;
      }
      event.preventDefault();
      var status = form.querySelector('.upload-progress');
      var button = form.querySelector('button[type=submit]');
      var shop = shopOf(form);
      var lang = document.documentElement.lang.indexOf('en') === 0 ? 'en' : 'zh';
      var poll = null;
      status.hidden = false;
      button.disabled = true;

      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) {
          status.textContent = fill(form.dataset.sending, Math.round(100 * e.loaded / e.total));
        }
      };
      xhr.upload.onload = function () {
        poll = setInterval(function () {
          fetch('/api/shops/' + encodeURIComponent(shop) + '/progress?lang=' + lang)
            .then(function (r) { return r.json(); })
            .then(function (p) { if (p.upload) { status.textContent = p.upload.text; } })
            .catch(function () { /* the next poll tries again */ });
        }, 1000);
      };
      xhr.onload = function () {
        clearInterval(poll);
        if (xhr.status >= 200 && xhr.status < 300) {
          window.location.assign(xhr.responseURL); // the shop page the upload redirected to
          return;
        }
        document.open();
        document.write(xhr.responseText); // the page with the refusal report, as without JavaScript
        document.close();
      };
      xhr.onerror = function () {
        clearInterval(poll);
        button.disabled = false;
        status.textContent = fill(form.dataset.failed, xhr.statusText || 'network error');
      };
      xhr.send(new FormData(form));
    });
  }

  document.querySelectorAll('form.upload').forEach(enhance);
})();
