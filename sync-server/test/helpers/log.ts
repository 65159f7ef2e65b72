/** A logger that keeps its lines, so tests can check that a refusal was logged. */
import type { LogFields, Logger } from '../../src/index.js';

export interface CollectedLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields: LogFields;
}

export function collectingLogger(): Logger & { lines: CollectedLine[] } {
  const lines: CollectedLine[] = [];
  const add =
    (level: CollectedLine['level']) =>
    (message: string, fields: LogFields = {}) =>
      void lines.push({ level, message, fields });
  return { lines, info: add('info'), warn: add('warn'), error: add('error') };
}
