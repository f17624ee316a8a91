// The new follow-up page. (1) A large recipients.csv (over 4 MB) does not go through the form — API
// Gateway stops at 6 MB — it is uploaded first to the URL that POST /api/uploads gives, and the form
// names the upload. (2) "Check without submitting" posts the form to /api/check and shows the
// findings; every value is inserted as text (textContent), never as HTML. (3) Submitting posts the
// form with fetch and goes to the campaign page; an error stays on this page with the chosen files.
// Without JavaScript the form posts as usual and an error comes back as a page.
(function () {
  'use strict';
  var form = document.getElementById('campaign-form');
  var input = document.getElementById('recipients');
  var button = document.getElementById('check');
  var out = document.getElementById('check-result');
  if (!form || !input) return;
  var LARGE = 4 * 1024 * 1024;
  var uploaded = null;

  /** Uploads the list when it is large (once per chosen file); resolves to the upload key or null. */
  function uploadIfLarge() {
    var file = input.files && input.files[0];
    if (!file || file.size <= LARGE) return Promise.resolve(null);
    if (uploaded && uploaded.file === file) return Promise.resolve(uploaded.key);
    return fetch('/api/uploads', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: '{}' })
      .then(function (response) { return response.json(); })
      .then(function (upload) {
        return fetch(upload.url, { method: 'PUT', body: file }).then(function (put) {
          if (!put.ok) throw new Error('upload failed: ' + put.status);
          uploaded = { file: file, key: upload.key };
          return upload.key;
        });
      });
  }

  function formData(key) {
    var body = new FormData(form);
    if (key) {
      body.delete('recipients.csv');
      body.set('recipientsUpload', key);
    }
    return body;
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function show(message, className) {
    out.textContent = '';
    out.appendChild(el('div', message, 'notice ' + className));
  }

  // Submitting posts the form itself (uploading a large list first): an input error is shown on this
  // page, next to the files still chosen, instead of a page that loses them.
  var submitting = false;
  var submitButton = form.querySelector('button[type="submit"]');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (submitting) return;
    submitting = true;
    if (submitButton) submitButton.disabled = true;
    if (out) out.textContent = button ? button.dataset.checking : '';
    uploadIfLarge()
      .then(function (key) {
        return fetch(form.action, { method: 'POST', body: formData(key), credentials: 'same-origin', headers: { accept: 'application/json' } });
      })
      .then(function (response) {
        return response.json().then(function (doc) { return { status: response.status, doc: doc }; });
      })
      .then(function (answer) {
        if (answer.status === 201 && answer.doc.id) {
          window.location.assign('/campaigns/' + encodeURIComponent(answer.doc.id));
          return;
        }
        submitting = false;
        if (submitButton) submitButton.disabled = false;
        show(answer.doc.error ? answer.doc.error.message : 'Error ' + answer.status, 'error');
        out.scrollIntoView();
      })
      .catch(function (error) {
        submitting = false;
        if (submitButton) submitButton.disabled = false;
        if (out) show(String(error), 'error');
      });
  });

  if (!button || !out) return;
  button.addEventListener('click', function () {
    out.textContent = button.dataset.checking;
    uploadIfLarge()
      .then(function (key) {
        return fetch('/api/check', { method: 'POST', body: formData(key), credentials: 'same-origin', headers: { accept: 'application/json' } });
      })
      .then(function (response) {
        return response.json().then(function (doc) { return { status: response.status, doc: doc }; });
      })
      .then(function (answer) {
        if (answer.status >= 400) {
          show(answer.doc.error ? answer.doc.error.message : 'Error', 'error');
          return;
        }
        var doc = answer.doc;
        show(doc.verdict === 'ready' ? button.dataset.ready : button.dataset.blocked, doc.verdict === 'ready' ? 'ok' : 'error');
        doc.findings.forEach(function (f) {
          var card = el('section', undefined, 'card finding ' + f.severity);
          card.appendChild(el('h3', f.rule + ' — ' + f.recipients + ' ' + button.dataset.recipients));
          card.appendChild(el('p', f.message));
          card.appendChild(el('p', button.dataset.expected + ' : ' + f.expected));
          card.appendChild(el('p', button.dataset.found + ' : ' + f.found));
          out.appendChild(card);
        });
      })
      .catch(function (error) {
        show(String(error), 'error');
      });
  });
})();
