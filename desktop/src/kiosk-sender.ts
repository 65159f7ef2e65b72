/**
 * Who may call main over IPC: only the kiosk page itself, the top frame of `app://bundle`,
 * never an iframe or a page of another origin (Electron security checklist: validate the
 * sender of every IPC message).
 */
import type { IpcMainInvokeEvent } from 'electron';
import { isAllowedNavigation } from './navigation-policy.js';

export function fromKioskPage(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && isAllowedNavigation(frame.url);
}
