/* Trợ lý số web widget: one <script> tag adds a chat bubble and panel to any page.
 * No framework; CSS isolated in a Shadow DOM; the API base is this script's own origin.
 * Safety: answer and document text only ever reach the page through textContent and DOM nodes,
 * never parsed as HTML, so no HTML from an answer or a document can execute. */
(() => {
'use strict';
const script = document.currentScript;
if (!script || window.__trolysoWidget) return;
window.__trolysoWidget = true;
const ds = script.dataset;
const API = (ds.apiBase || new URL(script.src, location.href).origin).replace(/\/+$/, '');
const MAX_LEN = 2000;
const T = {
  title: ds.title || 'Trợ lý số',
  greeting: ds.greeting || 'Xin chào! Tôi là Trợ lý số. Bạn có thể hỏi về các kế hoạch chuyển đổi số, phong trào “Bình dân học vụ số” và khung năng lực số của học sinh. Mỗi câu trả lời đều kèm nguồn.',
  placeholder: ds.placeholder || 'Nhập câu hỏi của bạn…',
  open: ds.openLabel || 'Mở Trợ lý số',
  suggestions: (ds.suggestions || 'Phong trào “Bình dân học vụ số” ở phường Kiến An có những chỉ tiêu gì?|Tập huấn Day of AI ở Đồ Sơn dự kiến tổ chức vào ngày nào?|Học sinh lớp 5 cần đạt năng lực số gì về an toàn trên mạng?|Làm sao nhận biết tin nhắn lừa đảo?').split('|').filter(Boolean)
};
const ROLES = [['', 'Chưa chọn'], ['giao_vien', 'Giáo viên'], ['can_bo_quan_ly', 'Cán bộ quản lý'],
  ['nhan_vien', 'Nhân viên'], ['hoc_sinh', 'Học sinh'], ['phu_huynh', 'Phụ huynh']];
const MODES = { framework: 'Theo khung năng lực số' }; // the extractive mode adds its own notice
const KEY = 'trolyso.chat', PKEY = 'trolyso.profile';

const store = (s, k, v) => { try { if (v === undefined) return JSON.parse(s.getItem(k)); s.setItem(k, JSON.stringify(v)); } catch (e) { return null; } };
const state = Object.assign({ conversationId: null, messages: [], open: false, tab: 'chat' }, store(sessionStorage, KEY) || {});
const LKEY = 'trolyso.learner';
let learner = store(localStorage, LKEY); // {profileId, role, grade}: the pseudonymous learning profile
const profile = Object.assign({ role: '', grade: '' }, learner && { role: learner.role, grade: learner.grade ? String(learner.grade) : '' }, store(sessionStorage, PKEY));
const save = () => store(sessionStorage, KEY, state);

/** Creates an element with a class, attributes and children (strings become text nodes); a button is type=button. */
function el(tag, cls, attrs, ...kids) {
  const n = document.createElement(tag);
  if (tag === 'button') n.type = 'button';
  if (cls) n.className = cls;
  for (const k in attrs || {}) {
    if (k.startsWith('on')) n.addEventListener(k.slice(2), attrs[k]);
    else if (attrs[k] != null && attrs[k] !== false) n.setAttribute(k, attrs[k]);
  }
  n.append(...kids.filter(k => k != null));
  return n;
}

/** A decorative inline SVG icon (many school computers lack emoji fonts). */
function icon(d) {
  const NS = 'http://www.w3.org/2000/svg', svg = document.createElementNS(NS, 'svg'), path = svg.appendChild(document.createElementNS(NS, 'path'));
  svg.setAttribute('viewBox', '0 0 24 24'); svg.setAttribute('aria-hidden', 'true'); path.setAttribute('d', d);
  return svg;
}

const STYLE = `
:host{all:initial;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1c2733}
*{box-sizing:border-box}
[hidden]{display:none!important}
button,select,textarea{font:inherit;color:inherit}
button{cursor:pointer}
:focus-visible{outline:3px solid #f4b400;outline-offset:2px}
.bubble{position:fixed;right:20px;bottom:20px;width:60px;height:60px;border-radius:50%;border:0;background:#0b5cab;color:#fff;box-shadow:0 4px 14px rgba(0,0,0,.3);display:flex;align-items:center;justify-content:center;z-index:2147483000}
.bubble svg{width:30px;height:30px;fill:currentColor;fill-rule:evenodd}
.panel{position:fixed;right:20px;bottom:90px;width:390px;height:min(620px,calc(100vh - 110px));background:#fff;border-radius:14px;box-shadow:0 8px 30px rgba(0,0,0,.28);display:flex;flex-direction:column;overflow:hidden;z-index:2147483001}
header{background:#0b5cab;color:#fff;padding:10px 12px;display:flex;align-items:center;gap:8px}
h2{font-size:17px;margin:0;flex:1}
header button{background:rgba(255,255,255,.16);border:0;color:#fff;border-radius:8px;padding:5px 9px;font-size:13px}
header .x{font-size:20px;line-height:1;padding:3px 10px}
.prof{display:flex;gap:8px;align-items:center;padding:6px 12px;background:#eef4fb;font-size:13px;flex-wrap:wrap}
.prof select{padding:3px;border:1px solid #9fb3c8;border-radius:6px;background:#fff}
.tabs{display:flex;border-bottom:1px solid #d5dde6}
.tabs button{flex:1;border:0;background:none;padding:8px 4px;font-size:14px;border-bottom:3px solid transparent}
.tabs button[aria-selected=true]{border-color:#0b5cab;color:#0b5cab;font-weight:600}
.view{flex:1;display:flex;flex-direction:column;min-height:0}
.log,.pane{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:10px}
.msg{max-width:92%}
.msg.user{align-self:flex-end;background:#0b5cab;color:#fff;border-radius:14px 14px 2px 14px;padding:8px 12px;white-space:pre-wrap;overflow-wrap:anywhere}
.msg.bot{align-self:flex-start;background:#f1f4f8;border-radius:14px 14px 14px 2px;padding:8px 12px;overflow-wrap:anywhere}
.msg.err{background:#fdecea;color:#8a1c12}
.msg p{margin:0 0 6px}.msg p:last-child{margin:0}
.msg ul,.msg ol{margin:4px 0 6px;padding-left:22px}
.msg a{color:#0b5cab}
.cite{border:0;background:#d9e7f7;color:#0b5cab;border-radius:5px;padding:0 4px;font-size:12px;vertical-align:super;line-height:1.2;margin:0 1px}
.mode{font-size:12px;color:#5a6b7b;margin-top:6px}
.cites{margin:8px 0 0;padding:6px 0 0 0;border-top:1px solid #d5dde6;list-style:none;font-size:13px}
.cites summary{cursor:pointer;color:#0b5cab}
.cites .sec{color:#5a6b7b;margin:2px 0}
.cites blockquote{margin:2px 0 4px;padding-left:8px;border-left:3px solid #b7c9dc;color:#33414e}
.fb{display:flex;gap:6px;align-items:center;margin-top:6px;font-size:12px;color:#5a6b7b}
.fb button{border:1px solid #c2cfdc;background:#fff;color:#0b5cab;border-radius:8px;padding:3px 8px;line-height:0}
.fb svg{width:16px;height:16px;fill:currentColor}.fb [data-rating=down] svg{transform:rotate(180deg)}
.fb [aria-pressed=true]{background:#0b5cab;color:#fff}
.fbc{display:flex;gap:6px;margin-top:6px;font-size:13px}.fbc textarea{height:auto}
.typing::after{content:"▍";animation:b 1s steps(2) infinite}@keyframes b{50%{opacity:0}}
.sugg{display:flex;flex-wrap:wrap;gap:6px;padding:0 12px 8px}
.sugg button{border:1px solid #0b5cab;color:#0b5cab;background:#fff;border-radius:14px;padding:4px 10px;font-size:13px;text-align:left}
.ask{display:flex;gap:8px;padding:10px 12px;border-top:1px solid #d5dde6}
.assess{display:flex;flex-direction:column;gap:10px}
textarea{flex:1;resize:none;border:1px solid #9fb3c8;border-radius:10px;padding:8px;height:42px;max-height:120px}
.send{border:0;background:#0b5cab;color:#fff;border-radius:10px;padding:0 14px}
.send:disabled{opacity:.5;cursor:default}
.note{color:#5a6b7b;margin:0}
fieldset{border:1px solid #d5dde6;border-radius:10px;margin:0 0 8px;padding:6px 10px}
legend{font-weight:600;padding:0 4px}
.check label{display:block;padding:2px 0}.check input{accent-color:#0b5cab;margin:0 6px 0 0}
.right{border-color:#1b7f3b}.wrong{border-color:#c0392b}.wrong .verdict{color:#c0392b}.right .verdict{color:#1b7f3b}
.q{font-size:16px;font-weight:600;margin:0}
.stmt{display:flex;gap:8px;flex-wrap:wrap}.stmt button{flex:1;border:1px solid #0b5cab;background:#fff;color:#0b5cab;border-radius:10px;padding:8px}
.lesson h4,.pane h4{margin:12px 0 4px;font-size:15px}.lesson h5{margin:8px 0 2px;font-size:14px}.lesson p{margin:0 0 6px}.lesson ul,.lesson ol{margin:4px 0 6px;padding-left:22px}
.sum{font-style:italic;margin:0}.pane .ask{padding:0;border:0}.pane .ask input{flex:1;min-width:0;border:1px solid #9fb3c8;border-radius:10px;padding:8px}
.primary{border:0;background:#0b5cab;color:#fff;border-radius:10px;padding:8px 14px;align-self:flex-start}
.link{border:0;background:none;color:#0b5cab;text-decoration:underline;padding:4px 0;align-self:flex-start}
h3{margin:0;font-size:16px}
.result,.path{margin:0;padding-left:20px;display:flex;flex-direction:column;gap:8px}
.path li.done strong{text-decoration:line-through;color:#5a6b7b}
.path p{margin:2px 0}
.meta{font-size:13px;color:#5a6b7b}
.pane>button:not(.link,.primary),.path button:not(.link){border:1px solid #0b5cab;background:#fff;color:#0b5cab;border-radius:8px;padding:3px 10px;margin:4px 8px 0 0}
.ok{color:#1b7f3b;margin-right:8px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
@media (max-width:480px){.panel{inset:0;width:auto;height:auto;border-radius:0}.bubble{right:14px;bottom:14px}}
`;

// ---- shell
const host = el('div', null, { id: 'trolyso-widget' });
const root = host.attachShadow({ mode: 'open' });
const bubble = el('button', 'bubble', { 'aria-label': T.open, 'aria-expanded': 'false', 'aria-controls': 'tls-panel', onclick: () => setOpen(!state.open) });
bubble.append(icon('M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zM7 7h10v2H7zm0 4h7v2H7z'));
const log = el('div', 'log', { role: 'log', 'aria-live': 'polite', 'aria-label': 'Hội thoại', tabindex: '0' });
const sugg = el('div', 'sugg', { role: 'group', 'aria-label': 'Câu hỏi gợi ý' });
const input = el('textarea', null, { 'aria-label': 'Câu hỏi', placeholder: T.placeholder, maxlength: MAX_LEN, rows: '1' });
const send = el('button', 'send', { type: 'submit' }, 'Gửi');
const form = el('form', 'ask', { onsubmit: e => { e.preventDefault(); ask(input.value); } }, input, send);
input.addEventListener('keydown', e => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); ask(input.value); }
});
const views = { chat: el('div', 'view', { id: 'tls-chat', role: 'tabpanel', 'aria-labelledby': 'tls-tab-chat' }, log, sugg, form) };
const TABS = [['chat', 'Trò chuyện']];
const tabBar = el('div', 'tabs', { role: 'tablist', 'aria-label': 'Chức năng' });
const roleSel = el('select', null, { 'aria-label': 'Vai trò của bạn', onchange: () => setProfile(roleSel.value, gradeSel.value) },
  ...ROLES.map(([v, l]) => el('option', null, { value: v }, l)));
const gradeSel = el('select', null, { 'aria-label': 'Lớp', onchange: () => setProfile(roleSel.value, gradeSel.value) },
  el('option', null, { value: '' }, 'Lớp…'), ...Array.from({ length: 12 }, (_, i) => el('option', null, { value: String(i + 1) }, 'Lớp ' + (i + 1))));
const panel = el('section', 'panel', { id: 'tls-panel', role: 'dialog', 'aria-label': T.title, hidden: true },
  el('header', null, null, el('h2', null, null, T.title),
    el('button', null, { onclick: newConversation, title: 'Bắt đầu cuộc trò chuyện mới' }, 'Cuộc trò chuyện mới'),
    el('button', 'x', { 'aria-label': 'Đóng', onclick: () => setOpen(false) }, '×')),
  el('div', 'prof', null, el('span', null, null, 'Tôi là'), roleSel, gradeSel),
  tabBar, views.chat);
panel.addEventListener('keydown', e => { if (e.key === 'Escape') { e.stopPropagation(); setOpen(false); } });
root.append(el('style', null, null, STYLE), bubble, panel);

function setOpen(open) {
  state.open = open;
  panel.hidden = !open;
  bubble.setAttribute('aria-expanded', String(open));
  bubble.setAttribute('aria-label', open ? 'Đóng ' + T.title : T.open);
  save();
  if (open) (state.tab === 'chat' ? input : tabBar.querySelector('[aria-selected=true]')).focus();
  else bubble.focus();
}

function setProfile(role, grade) {
  profile.role = role;
  profile.grade = grade;
  store(sessionStorage, PKEY, profile);
  for (const f of profileListeners) f();
}
const profileListeners = [];
const profileBody = () => profile.role ? { role: profile.role, grade: profile.grade ? Number(profile.grade) : null } : undefined;

/** Adds a tab and its panel; the learning features register themselves the same way. */
function addTab(id, label, view) {
  if (view) { view.id = 'tls-' + id; view.className = 'view'; view.setAttribute('role', 'tabpanel'); view.setAttribute('aria-labelledby', 'tls-tab-' + id); views[id] = view; panel.append(view); TABS.push([id, label]); }
  tabBar.replaceChildren(...TABS.map(([tid, tl], i) => el('button', null, {
    role: 'tab', id: 'tls-tab-' + tid, 'aria-controls': 'tls-' + tid, onclick: () => showTab(tid),
    onkeydown: e => {
      const d = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (d) { const n = TABS[(i + d + TABS.length) % TABS.length][0]; showTab(n); tabBar.querySelector('#tls-tab-' + n).focus(); }
    }
  }, tl)));
  tabBar.hidden = TABS.length < 2;
  if (!view) showTab(state.tab in views ? state.tab : 'chat', true); // once every tab is registered
}

function showTab(id, quiet) {
  state.tab = id;
  for (const [tid] of TABS) {
    views[tid].hidden = tid !== id;
    const b = tabBar.querySelector('#tls-tab-' + tid);
    b.setAttribute('aria-selected', String(tid === id));
    b.tabIndex = tid === id ? 0 : -1;
  }
  if (!quiet) { save(); if (views[id].onshow) views[id].onshow(); }
}

// ---- safe rich text
const INLINE = /\*\*(.+?)\*\*|\[(\d{1,2})\](?!\()|\[([^\]\n]{1,200})\]\((https?:\/\/[^\s)]+)\)|(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]])/g;

function safeUrl(u) {
  try { const x = new URL(u); return x.protocol === 'http:' || x.protocol === 'https:' ? x.href : null; } catch (e) { return null; }
}

function link(text, href) {
  const url = safeUrl(href);
  return url ? el('a', null, { href: url, target: '_blank', rel: 'noopener noreferrer nofollow' }, text) : document.createTextNode(text);
}

/** Appends text with **bold**, [n] citation markers and http(s) links to a node. */
function inline(node, text, cite) {
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    node.append(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1] !== undefined) inline(node.appendChild(el('strong')), m[1], cite);
    else if (m[2] !== undefined) node.append(cite(Number(m[2])) || m[0]);
    else if (m[3] !== undefined) node.append(link(m[3], m[4]));
    else node.append(link(m[5], m[5]));
  }
  node.append(text.slice(last));
}

/** Renders the markdown subset: paragraphs, line breaks, bullet and numbered lists. */
function rich(node, text, cite) {
  node.replaceChildren();
  let list = null, para = null;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const item = /^\s*(?:([-*•+])|(\d{1,3})[.)])\s+(.*)$/.exec(line), head = /^#{1,6}\s+(.*)$/.exec(line);
    if (head) {
      inline(node.appendChild(el('h5')), head[1], cite);
      para = null; list = null;
    } else if (item) {
      const tag = item[1] ? 'ul' : 'ol';
      if (!list || list.tagName.toLowerCase() !== tag) list = node.appendChild(el(tag, null, { start: item[2] > 1 ? item[2] : null }));
      inline(list.appendChild(el('li')), item[3], cite);
      para = null;
    } else if (!line.trim()) {
      para = null; list = null;
    } else {
      list = null;
      if (para) para.append(el('br')); else para = node.appendChild(el('p'));
      inline(para, line, cite);
    }
  }
}

// ---- chat
const nodes = new WeakMap();
let busy = false, seq = 0;

function headers(accept) {
  const h = { 'Content-Type': 'application/json', Accept: accept || 'application/json' };
  if (ds.apiKey) h['X-API-Key'] = ds.apiKey;
  return h;
}

/** Reads an API error body ({"error":{"code","message"}}) into Vietnamese text for the user. */
async function errorText(res) {
  try { const j = await res.json(); if (j && j.error && j.error.message) return String(j.error.message); } catch (e) { /* not JSON */ }
  return res.status === 429 ? 'Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.' : 'Máy chủ đang gặp sự cố (mã ' + res.status + '). Vui lòng thử lại sau.';
}

function renderMessage(m) {
  const id = 'm' + (++seq);
  const box = el('div', 'msg ' + (m.who === 'user' ? 'user' : 'bot') + (m.error ? ' err' : ''), { 'aria-busy': m.pending ? 'true' : null });
  if (m.who === 'user') {
    box.append(el('span', 'sr', null, 'Bạn: '), m.text);
  } else {
    const body = el('div', m.pending ? 'typing' : null);
    const cites = new Map((m.citations || []).map(c => [Number(c.n), c]));
    const noteId = n => id + '-c' + n;
    rich(body, m.text, n => cites.has(n) ? el('button', 'cite', {
      'aria-label': 'Nguồn ' + n + ': ' + (cites.get(n).title || ''),
      onclick: () => { const d = root.getElementById(noteId(n)); d.open = true; d.querySelector('summary').focus(); }
    }, String(n)) : null);
    box.append(el('span', 'sr', null, T.title + ': '), body);
    if (m.pending && !m.text && m.queued) box.append(el('div', 'mode', null, m.queued));
    if (MODES[m.mode]) box.append(el('div', 'mode', null, MODES[m.mode]));
    if (cites.size) {
      box.append(el('ol', 'cites', { 'aria-label': 'Nguồn trích dẫn' }, ...[...cites.values()].map(c =>
        el('li', null, null, el('details', null, { id: noteId(c.n) },
          el('summary', null, null, '[' + c.n + '] ' + (c.title || c.documentId || 'Tài liệu')),
          c.section ? el('div', 'sec', null, c.section) : null,
          c.snippet ? el('blockquote', null, null, c.snippet) : null)))));
    }
    const next = !m.pending && /Gợi ý học tiếp: (.+)/.exec(m.text);
    if (next) box.append(el('button', 'link', { type: 'button', 'data-open': '', onclick: () => openByTitle(next[1].trim()) }, 'Mở bài “' + next[1].trim() + '”'));
    if (m.messageId && !m.pending && !m.error) box.append(feedback(m));
  }
  const old = nodes.get(m);
  if (old) old.replaceWith(box); else log.append(box);
  nodes.set(m, box);
  return box;
}

/** 👍/👎 (inline SVG, named for screen readers), one rating per answer and browser session; after 👎, a comment. */
function feedback(m) {
  const note = el('span', null, { role: 'status' }, m.rating ? 'Cảm ơn bạn đã góp ý!' : 'Câu trả lời có hữu ích không?');
  const rate = async (rating, comment, focus) => {
    try {
      await api('POST', '/api/v1/feedback', { messageId: m.messageId, rating, comment, voterId: state.conversationId });
      Object.assign(m, { rating, commented: !!comment }); save(); renderMessage(m);
      nodes.get(m).querySelector(focus).focus();
    } catch (e) { note.textContent = 'Chưa gửi được góp ý. ' + (e.message || ''); }
  };
  const btn = (rating, label) => el('button', null, {
    'aria-label': label, 'aria-pressed': String(m.rating === rating), 'data-rating': rating,
    onclick: () => rate(rating, null, rating === 'down' ? '.fbc textarea' : '[data-rating=up]')
  }, icon('M2 10h4v11H2zm6 11V10l5-8c1.6 0 2.6 1.2 2.2 3L14.3 9H20a2 2 0 0 1 2 2.4l-1.6 7.8A2.2 2.2 0 0 1 18.2 21z'));
  const box = el('div', 'fb', null, note, btn('up', 'Câu trả lời hữu ích'), btn('down', 'Câu trả lời chưa hữu ích'));
  if (m.rating !== 'down' || m.commented) return box;
  const text = el('textarea', null, { 'aria-label': 'Góp ý thêm', placeholder: 'Sai hay thiếu điều gì? (không bắt buộc)', maxlength: MAX_LEN, rows: '2' });
  return el('div', null, null, box, el('form', 'fbc', {
    onsubmit: e => { e.preventDefault(); if (text.value.trim()) rate('down', text.value.trim(), '[data-rating=down]'); }
  }, text, el('button', 'primary', { type: 'submit' }, 'Gửi góp ý')));
}

function renderAll() {
  log.replaceChildren();
  log.append(el('div', 'msg bot', null, T.greeting));
  state.messages.forEach(renderMessage);
  sugg.replaceChildren(...(state.messages.length ? [] : T.suggestions.map(q => el('button', null, { onclick: () => ask(q) }, q))));
  sugg.hidden = state.messages.length > 0;
}

function newConversation() {
  if (busy) return;
  state.conversationId = null;
  state.messages = [];
  save(); renderAll(); showTab('chat'); input.focus();
}

function finish(m, r) {
  if (r.conversationId) state.conversationId = r.conversationId;
  Object.assign(m, { text: String(r.answer || ''), messageId: r.messageId, mode: r.mode, citations: Array.isArray(r.citations) ? r.citations : [], pending: false });
}

function fail(m, text) {
  Object.assign(m, { text, pending: false, error: true, citations: [] });
}

/** Parses a Server-Sent Events body, calling onEvent(name, data) per event. */
async function readEvents(res, onEvent) {
  const reader = res.body.getReader(), dec = new TextDecoder();
  let buf = '', name = 'message', data = [];
  for (;;) {
    const { value, done } = await reader.read();
    buf += done ? dec.decode() + '\n\n' : dec.decode(value, { stream: true });
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i).replace(/\r$/, '');
      buf = buf.slice(i + 1);
      if (!line) { if (data.length) onEvent(name, data.join('\n')); name = 'message'; data = []; continue; }
      if (line[0] === ':') continue;
      const c = line.indexOf(':'), field = c < 0 ? line : line.slice(0, c), v = c < 0 ? '' : line.slice(c + 1).replace(/^ /, '');
      if (field === 'event') name = v; else if (field === 'data') data.push(v);
    }
    if (done) return;
  }
}

async function ask(text, materialId) {
  text = String(text || '').trim();
  if (busy || !text) return;
  if (text.length > MAX_LEN) text = text.slice(0, MAX_LEN);
  busy = true; send.disabled = true; input.value = '';
  sugg.hidden = true;
  state.messages.push({ who: 'user', text });
  renderMessage(state.messages[state.messages.length - 1]);
  const m = { who: 'bot', text: '', pending: true };
  state.messages.push(m);
  renderMessage(m).scrollIntoView({ block: 'nearest' });
  const body = JSON.stringify({ message: text, conversationId: state.conversationId || undefined, profile: profileBody(), materialId });
  let frame = 0;
  try {
    let res = null, ended = false;
    try { res = await fetch(API + '/api/v1/chat/stream', { method: 'POST', headers: headers('text/event-stream'), body }); } catch (e) { /* fall back below */ }
    if (res && res.ok && /event-stream/.test(res.headers.get('content-type') || '')) {
      try {
        await readEvents(res, (name, data) => {
          const d = JSON.parse(data);
          if (name === 'meta') { state.conversationId = d.conversationId || state.conversationId; m.messageId = d.messageId; }
          else if (name === 'queued') { m.queued = d.message; renderMessage(m); }
          else if (name === 'token') {
            m.text += d.text || '';
            frame = frame || requestAnimationFrame(() => { frame = 0; if (m.pending) { renderMessage(m); log.scrollTop = log.scrollHeight; } });
          } else if (name === 'done') { finish(m, d); ended = true; }
          else if (name === 'error') { fail(m, d.message || 'Không trả lời được câu hỏi này.'); ended = true; }
        });
      } catch (e) { /* stream broken: fall back below */ }
    } else if (res && res.status >= 400 && res.status < 500 && res.status !== 404 && res.status !== 405) {
      fail(m, await errorText(res)); ended = true;
    }
    if (!ended) {
      // No stream (or it broke): ask again without streaming.
      m.text = '';
      const r = await fetch(API + '/api/v1/chat', { method: 'POST', headers: headers(), body });
      if (r.ok) finish(m, await r.json()); else fail(m, await errorText(r));
    }
  } catch (e) {
    fail(m, 'Không kết nối được với Trợ lý số. Vui lòng kiểm tra mạng và thử lại.');
  } finally {
    cancelAnimationFrame(frame);
    m.pending = false;
    busy = false; send.disabled = false;
    save();
    renderMessage(m);
    log.scrollTop = log.scrollHeight;
    if (state.open && state.tab === 'chat') input.focus();
  }
}

// ---- learning: adaptive self-assessment, learning path, module reader with its check
const ANSWERS = [['co', 'Có'], ['mot_phan', 'Một phần'], ['chua', 'Chưa']];

async function api(method, path, body) {
  const res = await fetch(API + path, { method, headers: headers(), body: body && JSON.stringify(body) });
  if (!res.ok) throw Object.assign(new Error(await errorText(res)), { status: res.status });
  return res.status === 204 ? null : res.json();
}

const assessPane = el('div', 'pane'), pathPane = el('div', 'pane');
const say = (pane, text, ...more) => pane.replaceChildren(el('p', 'note', { role: 'status' }, text), ...more);
const gradeNow = () => profile.grade ? Number(profile.grade) : null;
const btn = (cls, label, onclick, attrs) => el('button', cls, Object.assign({ type: 'button', onclick }, attrs), label);

/** The learning profile for the chosen role and grade, created on the server the first time. */
async function ensureLearner() {
  if (learner && learner.role === profile.role && learner.grade === gradeNow()) return learner;
  const p = await api('POST', '/api/v1/profile', { role: profile.role, grade: gradeNow() });
  learner = { profileId: p.profileId || p.id, role: profile.role, grade: gradeNow() };
  store(localStorage, LKEY, learner);
  return learner;
}

function loadAssessment() {
  if (!profile.role) return say(assessPane, 'Hãy chọn vai trò (và lớp, nếu có) ở phía trên để bắt đầu tự đánh giá.');
  say(assessPane, 'Đang tải câu hỏi…');
  nextStatement([]);
}

/** One statement at a time: the server picks the next from the answers so far (adaptive, from the target level). */
async function nextStatement(answers) {
  try {
    const r = await api('POST', '/api/v1/assessment/next', { role: profile.role, grade: gradeNow(), answers });
    if (r.done) return submitAssessment(answers);
    const s = r.statement, q = el('p', 'q', { id: 'tls-st', tabindex: '-1' }, s.text);
    const pick = v => { assessPane.querySelectorAll('button').forEach(b => { b.disabled = true; }); nextStatement([...answers, { statementId: s.id, answer: v }]); };
    assessPane.replaceChildren(el('p', 'note', { role: 'status' }, 'Câu ' + (r.asked + 1) + '/' + r.total + ' · ' + s.domainName),
      el('p', null, null, 'Câu sau có đúng với bạn không?'), q,
      el('div', 'stmt', { role: 'group', 'aria-labelledby': 'tls-st' }, ...ANSWERS.map(([v, l]) => btn(null, l, () => pick(v), { 'data-answer': v }))),
      answers.length ? btn('link', 'Quay lại câu trước', () => nextStatement(answers.slice(0, -1))) : null);
    q.focus();
  } catch (e) { say(assessPane, e.message); }
}

async function submitAssessment(answers) {
  say(assessPane, 'Đang tính kết quả…');
  try {
    const me = await ensureLearner();
    const r = await api('POST', '/api/v1/assessment', { profileId: me.profileId, answers });
    const heading = el('h3', null, { tabindex: '-1' }, 'Kết quả tự đánh giá (' + answers.length + ' câu)');
    assessPane.replaceChildren(heading, el('ul', 'result', null, ...(r.domains || []).map(d => el('li', null, null,
      el('strong', null, null, d.domainName), el('div', null, null, (d.reachedTarget ? '✓ ' : '') + 'Bậc ' + d.level + ' – ' + d.levelName + ' (mục tiêu: bậc ' + d.targetLevel + ')'),
      d.levelWording ? el('div', 'meta', null, d.levelWording) : null))),
      btn('primary', 'Xem lộ trình học', () => showTab('path')), btn('link', 'Làm lại', loadAssessment));
    heading.focus();
  } catch (e) { say(assessPane, e.message); }
}

async function loadPath() {
  if (!learner) {
    return say(pathPane, 'Hãy làm phần “Tự đánh giá” trước để có lộ trình học phù hợp với bạn.', btn('primary', 'Tự đánh giá ngay', () => showTab('assess')));
  }
  try {
    renderPath(await api('GET', '/api/v1/learning-path?profileId=' + encodeURIComponent(learner.profileId)));
  } catch (e) {
    if (e.status === 404) { learner = null; localStorage.removeItem(LKEY); return loadPath(); }
    say(pathPane, e.message);
  }
}

const STATUS = { completed: '✓ Đã hoàn thành', attempted: 'Chưa đạt bài kiểm tra – hãy làm lại', read: 'Đã đọc, chưa làm bài kiểm tra' };

function renderPath(p) {
  const mods = p.modules || [], done = mods.filter(m => m.done).length;
  pathPane.replaceChildren(
    el('p', 'note', { role: 'status', tabindex: '-1' }, !mods.length ? 'Bạn đã đạt mức mong đợi ở mọi miền năng lực. Chúc mừng bạn!'
      : p.complete ? 'Bạn đã hoàn thành cả ' + mods.length + ' bài của lộ trình. Chúc mừng bạn!'
        : 'Đã hoàn thành ' + done + '/' + mods.length + ' bài · còn khoảng ' + p.remainingMinutes + ' phút'),
    el('ol', 'path', null, ...mods.map(m => el('li', m.done ? 'done' : null, { 'data-status': m.status },
      el('strong', null, null, m.title),
      el('div', 'meta', null, m.durationMinutes + ' phút · năng lực ' + (m.competencies || []).join(', ') + (m.reason === 'basic' ? ' · bài cơ bản' : '')),
      m.summary ? el('p', null, null, m.summary) : null,
      STATUS[m.status] ? el('div', m.done ? 'ok' : 'meta', null, STATUS[m.status]) : null,
      btn(null, m.done ? 'Xem lại bài' : 'Mở bài học', () => openModule(m.id), { 'data-module': m.id })))));
}

async function openByTitle(title) {
  try {
    const m = ((await api('GET', '/api/v1/materials')).materials || []).find(x => x.title === title);
    if (m) openModule(m.id);
  } catch (e) { /* the link stays as text */ }
}

/** The module reader: sections through the safe renderer, then the check and "ask about this lesson". */
async function openModule(id) {
  showTab('path', true); save();
  say(pathPane, 'Đang mở bài học…');
  try {
    const m = await api('GET', '/api/v1/materials/' + encodeURIComponent(id));
    const h = el('h3', null, { tabindex: '-1' }, m.title), body = el('div', 'lesson');
    for (const s of m.sections || []) { body.append(el('h4', null, null, s.heading)); rich(body.appendChild(el('div')), s.markdown, () => null); }
    const q = el('input', null, { type: 'text', 'aria-label': 'Câu hỏi về bài này', placeholder: 'Hỏi trợ lý về bài này…', maxlength: MAX_LEN });
    const askLesson = text => { if (text.trim()) { showTab('chat'); ask(text, m.id); } };
    pathPane.replaceChildren(btn('link', '← Lộ trình học', loadPath), h,
      el('div', 'meta', null, m.durationMinutes + ' phút · năng lực ' + (m.competencies || []).join(', ')),
      m.summary ? el('p', 'sum', null, m.summary) : null, body,
      learner ? btn(null, 'Tôi đã đọc xong', e => { const b = e.target; api('POST', '/api/v1/progress', { profileId: learner.profileId, moduleId: m.id, status: 'read' })
        .then(() => b.replaceWith(el('span', 'ok', { role: 'status' }, 'Đã ghi nhận: đã đọc. Hãy làm bài kiểm tra để hoàn thành.')), err => { b.textContent = err.message; }); }, { 'data-read': '' }) : null,
      check(m),
      el('h4', null, null, 'Hỏi trợ lý về bài này'),
      el('form', 'ask', { onsubmit: e => { e.preventDefault(); askLesson(q.value); } }, q, el('button', 'send', { type: 'submit' }, 'Hỏi')),
      btn('link', 'Tóm tắt bài này', () => askLesson('Tóm tắt bài này')));
    h.focus();
  } catch (e) { say(pathPane, e.message, btn('link', '← Lộ trình học', loadPath)); }
}

/** The check questions, scored by the server; right/wrong per question, retry until passed. */
function check(m) {
  const qs = m.checkQuestions || [], status = el('p', 'note', { role: 'status' }), after = el('div');
  const submit = el('button', 'primary', { type: 'submit' }, 'Nộp bài');
  const form = el('form', 'check', {
    onsubmit: async e => {
      e.preventDefault();
      const answers = qs.map((q, i) => { const c = form.querySelector('input[name=q' + i + ']:checked'); return c ? Number(c.value) : null; });
      if (answers.includes(null)) { status.textContent = 'Bạn còn câu chưa chọn đáp án.'; return; }
      if (!profile.role) { status.textContent = 'Hãy chọn vai trò (và lớp) ở phía trên để lưu kết quả.'; return; }
      try {
        const me = await ensureLearner();
        const r = await api('POST', '/api/v1/progress', { profileId: me.profileId, moduleId: m.id, status: 'done', checkAnswers: answers });
        const c = r.check;
        form.querySelectorAll('fieldset').forEach((f, i) => {
          f.className = c.results[i] ? 'right' : 'wrong';
          f.querySelector('.verdict').textContent = c.results[i] ? '✓ Đúng' : '✗ Chưa đúng' + (c.passed ? ' – đáp án: ' + qs[i].options[c.correctOptions[i]] : '');
        });
        status.textContent = 'Đúng ' + c.correct + '/' + c.total + ' câu. ' + (c.passed ? 'Đạt! Bài học đã hoàn thành.'
          : 'Chưa đạt (cần ' + c.required + ' câu đúng). Hãy đọc lại bài, sửa các câu chưa đúng rồi nộp lại.');
        submit.textContent = 'Nộp lại';
        submit.hidden = c.passed;
        const next = r.path && r.path.next;
        after.replaceChildren(...(!c.passed ? [] : next ? [btn('primary', 'Bài tiếp theo: ' + next.title, () => openModule(next.id), { 'data-next': next.id })]
          : [el('p', 'ok', null, 'Bạn đã hoàn thành lộ trình học!')]));
        status.focus();
      } catch (err) { status.textContent = err.message; }
    }
  }, el('h4', null, null, 'Câu hỏi kiểm tra'),
  el('p', 'note', null, 'Bài học được tính là hoàn thành khi bạn trả lời đúng ít nhất ' + m.passMark + '/' + qs.length + ' câu.'),
  ...qs.map((q, i) => el('fieldset', null, null, el('legend', null, null, (i + 1) + '. ' + q.question),
    ...q.options.map((o, j) => el('label', null, null, el('input', null, { type: 'radio', name: 'q' + i, value: j }), o)),
    el('div', 'verdict'))),
  status, submit, after);
  status.tabIndex = -1;
  return form;
}

const assessView = el('div', null, null, assessPane), pathView = el('div', null, null, pathPane);
assessView.onshow = () => assessPane.firstChild || loadAssessment();
pathView.onshow = loadPath;
profileListeners.push(() => { assessPane.replaceChildren(); if (state.tab === 'assess') loadAssessment(); if (state.tab === 'path') loadPath(); });
addTab('assess', 'Tự đánh giá', assessView);
addTab('path', 'Lộ trình học', pathView);

// ---- start
roleSel.value = profile.role;
gradeSel.value = profile.grade;
// A message still pending when the page was left never completed: drop it.
state.messages = state.messages.filter(m => !m.pending);
renderAll();
addTab();
(document.body || document.documentElement).append(host);
if (state.open || ds.open === 'true') {
  state.open = true; panel.hidden = false; bubble.setAttribute('aria-expanded', 'true');
  if (views[state.tab].onshow) views[state.tab].onshow();
}
// Lets the portal page open the assistant from its own links.
window.TrolysoWidget = { open: () => setOpen(true), close: () => setOpen(false) };
})();
