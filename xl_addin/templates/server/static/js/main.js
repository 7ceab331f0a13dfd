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

registerCallback(zairyuUnprotect);
registerCallback(zairyuReprotect);
registerCallback(zairyuUnprotectBook);
registerCallback(zairyuReprotectBook);

// Ribbon button 「チェック」 (FunctionName "zairyu-check" in templates/manifest.xml)
async function zairyuCheck(event) {
  try {
    const authResult =
      typeof globalThis.getAuth === "function"
        ? await globalThis.getAuth()
        : { token: "", provider: "" };
    await xlwings.runPython({
      auth: authResult.token,
      scriptName: "zairyu_check",
      headers: { "Auth-Provider": authResult.provider },
    });
  } finally {
    event.completed();
  }
}
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

// Ribbon buttons 「修正」 and 「元に戻す」 (FunctionName "zairyu-fix" / "zairyu-undo")
async function zairyuFix(event) {
  try {
    await zairyuRun("zairyu_fix");
  } finally {
    event.completed();
  }
}
async function zairyuUndo(event) {
  try {
    await zairyuRun("zairyu_undo");
  } finally {
    event.completed();
  }
}
// the confirmation box of 「修正」 calls back here with the button pressed ("ok" / "cancel")
async function zairyuFixConfirmed(button) {
  if (button === "ok") {
    await zairyuRun("zairyu_fix_apply");
  }
}
registerCallback(zairyuFixConfirmed);

Office.onReady(() => {
  Office.actions.associate("zairyu-check", zairyuCheck);
  Office.actions.associate("zairyu-fix", zairyuFix);
  Office.actions.associate("zairyu-undo", zairyuUndo);
});
