// zairyu-lint: the ribbon button and the sheet-protection helpers called from Python (runMacro).
import { registerCallback } from "./custom-scripts/index.js";

// protection state of the sheets/workbook unprotected by this run, to put back exactly
const unprotectedSheets = {};
let unprotectedBook = null;

async function zairyuUnprotect(context, sheetName, passwords) {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.protection.load("protected,options");
  await context.sync();
  if (!sheet.protection.protected) {
    return;
  }
  const options = sheet.protection.options;
  for (const password of passwords) {
    try {
      sheet.protection.unprotect(password);
      await context.sync();
      sheet.protection.load("protected");
      await context.sync();
      if (!sheet.protection.protected) {
        unprotectedSheets[sheetName] = { options: options, password: password };
        return;
      }
    } catch (e) {
      // wrong password: try the next one
    }
  }
  throw new Error(`シート「${sheetName}」の保護を解除できません。`);
}

async function zairyuReprotect(context, sheetName) {
  const state = unprotectedSheets[sheetName];
  if (!state) {
    return;
  }
  delete unprotectedSheets[sheetName];
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.protection.protect(state.options, state.password || undefined);
  await context.sync();
}

async function zairyuUnprotectBook(context, passwords) {
  const protection = context.workbook.protection;
  protection.load("protected");
  await context.sync();
  if (!protection.protected) {
    return;
  }
  for (const password of passwords) {
    try {
      protection.unprotect(password);
      await context.sync();
      protection.load("protected");
      await context.sync();
      if (!protection.protected) {
        unprotectedBook = { password: password };
        return;
      }
    } catch (e) {
      // wrong password: try the next one
    }
  }
  throw new Error("ブックの保護を解除できません。");
}

async function zairyuReprotectBook(context) {
  if (!unprotectedBook) {
    return;
  }
  const password = unprotectedBook.password;
  unprotectedBook = null;
  context.workbook.protection.protect(password || undefined);
  await context.sync();
}

// Fills of the cells a run is about to paint, read before painting: the Python side cannot read fills
// through xlwings Server, so it asks for them here and has them written into the result sheet's undo
// column (where it left "?"), so that the next run gives the user's own fill back.
const recordedFills = {};

function fillText(color) {
  // Office.js reports "#FFFFFF" for a cell without fill: no fill to give back
  return !color || color.toUpperCase() === "#FFFFFF" ? "" : color.toUpperCase();
}

async function zairyuRecordFills(context, sheetName, addresses) {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const ranges = addresses.map((address) => {
    const range = sheet.getRange(address);
    range.format.fill.load("color");
    return [address, range];
  });
  await context.sync();
  const fills = recordedFills[sheetName] || (recordedFills[sheetName] = {});
  for (const [address, range] of ranges) {
    fills[address.replace(/\$/g, "")] = fillText(range.format.fill.color);
  }
}

async function zairyuWriteFills(context, resultSheet, sheetColumn, addressColumn, fillColumn) {
  // 1-based columns of the result sheet: sheet name, cell address, fill before ("?" = to be filled in)
  const sheet = context.workbook.worksheets.getItem(resultSheet);
  const used = sheet.getUsedRange();
  used.load("values");
  await context.sync();
  const values = used.values;
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    if (row[fillColumn - 1] !== "?") {
      continue;
    }
    const fills = recordedFills[row[sheetColumn - 1]] || {};
    const fill = fills[String(row[addressColumn - 1]).replace(/\$/g, "")];
    sheet.getCell(r, fillColumn - 1).values = [[fill === undefined ? "" : fill]];
  }
  await context.sync();
  for (const name of Object.keys(recordedFills)) {
    delete recordedFills[name];
  }
}

registerCallback(zairyuUnprotect);
registerCallback(zairyuReprotect);
registerCallback(zairyuUnprotectBook);
registerCallback(zairyuReprotectBook);
registerCallback(zairyuRecordFills);
registerCallback(zairyuWriteFills);

// the upload file made by the @script zairyu_export: handed to the browser as a download
async function zairyuDownload(context, fileName, base64) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: "text/csv" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
registerCallback(zairyuDownload);

async function zairyuRun(scriptName) {
  const authResult =
    typeof globalThis.getAuth === "function"
      ? await globalThis.getAuth()
      : { token: "", provider: "" };
  await xlwings.runPython({
    auth: authResult.token,
    scriptName: scriptName,
    headers: { "Auth-Provider": authResult.provider },
  });
}

// Ribbon buttons (FunctionName in templates/manifest.xml): 「チェック」 "zairyu-check",
// 「アップロードファイル出力」 "zairyu-export", 「修正」 "zairyu-fix", 「元に戻す」 "zairyu-undo"
function zairyuButton(scriptName) {
  return async function (event) {
    try {
      await zairyuRun(scriptName);
    } finally {
      event.completed();
    }
  };
}
const zairyuCheck = zairyuButton("zairyu_check");
const zairyuExport = zairyuButton("zairyu_export");
const zairyuFix = zairyuButton("zairyu_fix");
const zairyuUndo = zairyuButton("zairyu_undo");

// the confirmation box of 「修正」 calls back here with the button pressed ("ok" / "cancel")
async function zairyuFixConfirmed(button) {
  if (button === "ok") {
    await zairyuRun("zairyu_fix_apply");
  }
}
registerCallback(zairyuFixConfirmed);

Office.onReady(() => {
  Office.actions.associate("zairyu-check", zairyuCheck);
  Office.actions.associate("zairyu-export", zairyuExport);
  Office.actions.associate("zairyu-fix", zairyuFix);
  Office.actions.associate("zairyu-undo", zairyuUndo);
});
