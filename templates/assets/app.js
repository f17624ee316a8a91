// The "check without submitting" button of the new follow-up page: posts the form to /api/check and
// shows the findings. Every value is inserted as text (textContent), never as HTML.
(function () {
  'use strict';
  var button = document.getElementById('check');
  var form = document.getElementById('campaign-form');
  var out = document.getElementById('check-result');
  if (!button || !form || !out) return;

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  button.addEventListener('click', function () {
    out.textContent = button.dataset.checking;
    var body = new FormData(form);
    fetch('/api/check', { method: 'POST', body: body, credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (response) {
        return response.json().then(function (doc) { return { status: response.status, doc: doc }; });
      })
      .then(function (answer) {
        out.textContent = '';
        if (answer.status >= 400) {
          out.appendChild(el('div', answer.doc.error ? answer.doc.error.message : 'Error', 'notice error'));
          return;
        }
        var doc = answer.doc;
        out.appendChild(el('div', doc.verdict === 'ready' ? button.dataset.ready : button.dataset.blocked, doc.verdict === 'ready' ? 'notice ok' : 'notice error'));
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
        out.textContent = String(error);
      });
  });
})();
