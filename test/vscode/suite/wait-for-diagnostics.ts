// Waits on VS Code's own diagnostics event instead of sleeping: the language server
// publishes whenever it is ready, and the test continues the moment the condition holds.
import * as vscode from 'vscode';

export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    const check = (): boolean => {
      const current = vscode.languages.getDiagnostics(uri);
      if (!accept(current)) return false;
      finish();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === key)) check();
    });
    const timer = setTimeout(() => {
      finish();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)}`);
      reject(
        new Error(`timed out after ${timeoutMs} ms waiting for ${what} in ${uri.fsPath}; diagnostics now: ${seen.join(', ') || 'none'}`),
      );
    }, timeoutMs);
    function finish() {
      clearTimeout(timer);
      subscription.dispose();
    }
    check();
  });
}

/** The rule code of a diagnostic, whether the server sent it plain or with a documentation link. */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}
