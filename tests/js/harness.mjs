// Runs the add-in's task-pane JavaScript (xl_addin/templates/server/static/js/main.js) under Node against
// a small stand-in for the Office.js objects it uses, for tests/test_addin_js.py.
//   node harness.mjs MAIN_JS_COPY_DIR < scenario.json  ->  the state after the calls, as JSON
// scenario: {"sheets": {name: {"values": [[...]], "fills": {"C8": "#92D050"},
//                              "protection": {"protected": true, "password": "pw", "options": {...}}}},
//            "book": {"protected": false, "password": ""},
//            "calls": [["zairyuUnprotect", "Sheet", ["pw"]], ...]}
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const callbacks = {};
globalThis.__zairyuRegister = (fn) => { callbacks[fn.name] = fn; };
globalThis.Office = { onReady() {}, actions: { associate() {} } };
globalThis.xlwings = {};

const scenario = JSON.parse(readFileSync(0, "utf-8"));
const log = [];

function colName(n) { let s = ""; n += 1; while (n) { const r = (n - 1) % 26; s = String.fromCharCode(65 + r) + s; n = Math.floor((n - 1) / 26); } return s; }

function protectionOf(state, what) {
  return {
    protected: undefined, options: undefined,
    load() { this.protected = state.protected; this.options = state.options ? { ...state.options } : undefined; },
    unprotect(password) {
      log.push(["unprotect", what, password]);
      if (password !== (state.password || "")) throw new Error("wrong password");
      state.protected = false;
    },
    // Worksheet: protect(options?, password?); Workbook: protect(password?) (Office.js ExcelApi 1.7)
    protect(...args) {
      const [options, password] = what === "book" ? [undefined, args[0]] : args;
      log.push(["protect", what, password === undefined ? null : password]);
      state.protected = true;
      if (what !== "book") state.options = options;
      state.password = password || "";
    },
  };
}

function sheetOf(name) {
  const st = scenario.sheets[name];
  if (!st) throw new Error(`no sheet ${name}`);
  st.fills = st.fills || {};
  st.values = st.values || [[]];
  return {
    protection: protectionOf(st.protection = st.protection || { protected: false }, name),
    getRange(address) {
      const a = address.replace(/\$/g, "");
      return { format: { fill: { color: undefined, load() { this.color = st.fills[a] || "#FFFFFF"; } } } };
    },
    getUsedRange() {
      return { values: undefined, load() { this.values = st.values.map((r) => r.slice()); } };
    },
    getCell(r, c) {
      return {
        set values(v) {
          while (st.values.length <= r) st.values.push([]);
          st.values[r][c] = v[0][0];
          log.push(["setCell", name, `${colName(c)}${r + 1}`, v[0][0]]);
        },
      };
    },
  };
}

const book = scenario.book || { protected: false };
const context = {
  workbook: {
    worksheets: { getItem: sheetOf },
    protection: protectionOf(book, "book"),
  },
  async sync() {},
};

const dir = process.argv[2];
await import(pathToFileURL(path.join(dir, "main.js")).href);
const errors = [];
for (const [name, ...args] of scenario.calls || []) {
  try {
    await callbacks[name](context, ...args);
  } catch (e) {
    errors.push([name, String(e.message || e)]);
  }
}
process.stdout.write(JSON.stringify({ sheets: scenario.sheets, book, log, errors, callbacks: Object.keys(callbacks) }));
