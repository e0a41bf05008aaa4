// What happens when the language server dies: restart it, tell the writer in their language, and
// give up (saying so) if it keeps crashing, rather than restarting forever.

import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';

/** At most this many restarts within the window; the same budget vscode-languageclient uses. */
const MAX_RESTARTS = 4;
const WINDOW_MS = 3 * 60 * 1000;

export function restartingErrorHandler(now: () => number = Date.now): ErrorHandler {
  const restarts: number[] = [];
  return {
    error(): ErrorHandlerResult {
      // A single bad message is not a reason to drop the connection.
      return { action: ErrorAction.Continue };
    },
    closed(): CloseHandlerResult {
      const t = now();
      while (restarts.length && t - restarts[0] > WINDOW_MS) restarts.shift();
      if (restarts.length >= MAX_RESTARTS) {
        return {
          action: CloseAction.DoNotRestart,
          message: vscode.l10n.t('The Nianbao language server stopped {0} times in 3 minutes and will not be restarted. Reload the window to try again.', restarts.length + 1),
        };
      }
      restarts.push(t);
      void vscode.window.showWarningMessage(vscode.l10n.t('The Nianbao language server stopped unexpectedly and has been restarted.'));
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
