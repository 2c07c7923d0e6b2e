// Framework explorer: domains × levels table from GET /api/v1/framework. Data is inserted with textContent only.
(function () {
  'use strict';
  var table = document.getElementById('kn-table');
  var detail = document.getElementById('kn-detail');
  var status = document.getElementById('kn-status');
  var gradeSelect = document.getElementById('kn-grade');
  var gradeInfo = document.getElementById('kn-grade-info');
  var data = null;
  var selected = null;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function shorten(text, max) {
    if (!text) { return ''; }
    if (text.length <= max) { return text; }
    var cut = text.lastIndexOf(' ', max);
    return text.slice(0, cut > max / 2 ? cut : max) + '…';
  }

  function described(levels) { return levels.filter(function (l) { return l.hasDescriptors; }); }

  function buildTable() {
    var levels = described(data.levels);
    var thead = el('thead');
    var head = el('tr');
    head.appendChild(el('th', { scope: 'col' }, 'Năng lực thành phần'));
    levels.forEach(function (l) {
      head.appendChild(el('th', { scope: 'col', 'data-bac': l.bac },
        'Bậc ' + l.bac + ' (' + l.symbol + ') – lớp ' + l.grades.join(', ')));
    });
    head.appendChild(el('th', { scope: 'col' }, 'Bậc 6–8'));
    thead.appendChild(head);
    table.appendChild(thead);
    var tbody = el('tbody');
    data.domains.forEach(function (d) {
      var dr = el('tr', { 'class': 'kn-domain' });
      var dth = el('th', { colspan: levels.length + 2, scope: 'colgroup' }, 'Miền ' + d.code + '. ' + d.name);
      dr.appendChild(dth);
      tbody.appendChild(dr);
      d.competencies.forEach(function (c) {
        var tr = el('tr');
        tr.appendChild(el('th', { scope: 'row', 'class': 'kn-comp' }, c.code + ' ' + c.name));
        c.levels.forEach(function (cell) {
          var td = el('td', { 'class': 'kn-cell' + (cell.descriptor ? '' : ' kn-empty'), tabindex: '0', role: 'button',
            'data-code': c.code, 'data-bac': cell.bac,
            'aria-label': c.code + ' ' + c.name + ', bậc ' + cell.bac },
            cell.descriptor ? shorten(cell.descriptor, 90) : 'Không có mô tả');
          td.addEventListener('click', function () { show(d, c, cell, td); });
          td.addEventListener('keydown', function (e) {
            if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); show(d, c, cell, td); }
          });
          tr.appendChild(td);
        });
        tr.appendChild(el('td', { 'class': 'kn-undescribed' }, '—'));
        tbody.appendChild(tr);
      });
    });
    table.appendChild(tbody);
  }

  function levelOf(bac) {
    return data.levels.filter(function (l) { return l.bac === bac; })[0];
  }

  function show(domain, comp, cell, td) {
    if (selected) { selected.classList.remove('kn-selected'); }
    selected = td;
    td.classList.add('kn-selected');
    var level = levelOf(cell.bac);
    detail.textContent = '';
    detail.appendChild(el('h2', {}, comp.code + ' ' + comp.name));
    detail.appendChild(el('p', { 'class': 'kn-path' }, 'Miền ' + domain.code + '. ' + domain.name + ' › Bậc ' + level.bac
      + ' (' + level.symbol + ', ' + level.name + ') – ' + level.schoolStage));
    if (cell.descriptor) {
      detail.appendChild(el('h3', {}, 'Yêu cầu cần đạt'));
      if (level.lead) { detail.appendChild(el('p', { 'class': 'kn-path' }, level.lead)); }
      detail.appendChild(el('p', {}, cell.descriptor));
      detail.appendChild(el('h3', {}, 'Chỉ báo'));
      var ul = el('ul');
      cell.indicators.forEach(function (i) {
        var li = el('li');
        li.appendChild(el('strong', {}, i.code + ': '));
        li.appendChild(document.createTextNode(i.text));
        ul.appendChild(li);
      });
      detail.appendChild(ul);
    } else {
      detail.appendChild(el('p', { 'class': 'kn-note' }, cell.note || 'Dữ liệu không có mô tả cho ô này.'));
    }
    detail.appendChild(el('h3', {}, 'Mô tả năng lực'));
    detail.appendChild(el('p', {}, comp.description));
    (comp.notes || []).forEach(function (n) { detail.appendChild(el('p', { 'class': 'kn-note' }, n)); });
    detail.appendChild(el('p', { 'class': 'kn-note' }, 'Nguồn: Thông tư 02/2025/TT-BGDĐT; Phụ lục Công văn 3456/BGDĐT-GDPT '
      + '(bản chép lại, chưa đối chiếu bản PDF chính thức). Trạng thái: ' + comp.status + '.'));
  }

  function buildGrades() {
    for (var g = 1; g <= 12; g++) { gradeSelect.appendChild(el('option', { value: String(g) }, 'Lớp ' + g)); }
    gradeSelect.addEventListener('change', function () { highlight(gradeSelect.value ? Number(gradeSelect.value) : null); });
  }

  function highlight(grade) {
    var level = grade ? data.levels.filter(function (l) { return l.grades.indexOf(grade) >= 0; })[0] : null;
    Array.prototype.forEach.call(table.querySelectorAll('[data-bac]'), function (cell) {
      cell.classList.toggle('kn-highlight', !!level && Number(cell.getAttribute('data-bac')) === level.bac);
    });
    gradeInfo.textContent = level ? 'Lớp ' + grade + ' → bậc ' + level.bac + ' (' + level.symbol + ' – ' + level.name
      + ', mức ' + level.tier + ')' : '';
  }

  function buildSources() {
    var list = document.getElementById('kn-sources');
    var m = data.metadata;
    [m.sources.legalBasis, m.sources.guidance, m.sources.trainingMaterial].forEach(function (s) {
      if (s) { list.appendChild(el('li', {}, s)); }
    });
    list.appendChild(el('li', {}, m.undescribedLevelsNote));
    m.verificationNotes.forEach(function (n) { list.appendChild(el('li', {}, n)); });
  }

  fetch('/api/v1/framework', { headers: { Accept: 'application/json' } })
    .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
    .then(function (json) {
      data = json;
      buildTable();
      buildGrades();
      buildSources();
      status.textContent = '';
      status.hidden = true;
      var params = new URLSearchParams(window.location.search);
      if (params.get('lop')) { gradeSelect.value = params.get('lop'); highlight(Number(params.get('lop')) || null); }
    })
    .catch(function () {
      status.textContent = 'Không tải được dữ liệu khung năng lực số. Vui lòng thử lại sau.';
      status.classList.add('kn-error');
    });
}());
