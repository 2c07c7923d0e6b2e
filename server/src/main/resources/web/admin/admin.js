// Helpers shared by the admin pages. Server data only ever becomes text nodes: it is never parsed as HTML.
(() => {
  const TOKEN_KEY = 'trolyso.adminToken';
  const SVG = 'http://www.w3.org/2000/svg';

  window.TrolysoAdmin = {
    /** An element with attributes; string children become text nodes. */
    el(tag, attrs, ...children) {
      const e = document.createElement(tag);
      Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
      children.forEach(c => e.append(c));
      return e;
    },

    /** An SVG element with attributes and optional text. */
    svg(tag, attrs, text) {
      const e = document.createElementNS(SVG, tag);
      Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
      if (text !== undefined) e.textContent = text;
      return e;
    },

    /** The page's status line (#status), red when it reports an error. */
    say(text, error) {
      const status = document.getElementById('status');
      status.textContent = text;
      status.className = error ? 'error' : '';
    },

    /** Offers a downloaded blob to the user as a file named {@code name}. */
    saveFile(blob, name) {
      const a = window.TrolysoAdmin.el('a', { href: URL.createObjectURL(blob), download: name });
      document.body.append(a);
      a.click();
      a.remove();
    },

    /**
     * A date-time from the API shown in the server's time zone (TROLYSO_TIME_ZONE, sent by the API as timeZone), so
     * every admin page shows the same clock whatever the zone of the computer it is opened on.
     */
    when(iso, timeZone) {
      if (!iso) return '';
      const options = { dateStyle: 'short', timeStyle: 'short' };
      try {
        return new Date(iso).toLocaleString('vi-VN', Object.assign({ timeZone: timeZone || undefined }, options));
      } catch (e) {
        return new Date(iso).toLocaleString('vi-VN', options); // an unknown zone name: the browser's own
      }
    },

    /** The #token input, filled with the token this tab used last. */
    tokenInput() {
      const input = document.getElementById('token');
      input.value = sessionStorage.getItem(TOKEN_KEY) || '';
      return input;
    },

    /**
     * fetch() with the admin token of the #token input (remembered for this tab). A failed request throws an Error
     * carrying the server's Vietnamese message, or "<failText> (mã <status>)." when there is none.
     */
    async request(url, options, failText) {
      const token = document.getElementById('token').value;
      sessionStorage.setItem(TOKEN_KEY, token);
      const headers = Object.assign({ Authorization: 'Bearer ' + token }, (options || {}).headers);
      const res = await fetch(url, Object.assign({}, options, { headers }));
      if (!res.ok) {
        let message = failText + ' (mã ' + res.status + ').';
        try { message = (await res.json()).error.message || message; } catch (e) { /* keep the generic text */ }
        throw new Error(message);
      }
      return res;
    },

    /**
     * Wires a report page: the #filters form runs {@code load} (which renders; a failure empties #report and shows
     * the message), the #csv button runs {@code download}, which resolves to { blob, name } for the file to save.
     */
    reportPage(load, download) {
      const admin = window.TrolysoAdmin;
      const $ = id => document.getElementById(id);
      $('filters').addEventListener('submit', async e => {
        e.preventDefault();
        admin.say('Đang tải…');
        try {
          await load();
        } catch (err) {
          $('report').replaceChildren();
          admin.say(err.message, true);
        }
      });
      $('csv').addEventListener('click', async () => {
        if (!$('token').value) return admin.say('Hãy nhập mã quản trị.', true);
        try {
          const file = await download();
          admin.saveFile(file.blob, file.name);
          admin.say('Đã tải tệp CSV.');
        } catch (err) {
          admin.say(err.message, true);
        }
      });
    }
  };
})();
