import { BOARD_NODE_NAMES } from '@buurthub/shared';
import { describe, expect, it } from 'vitest';
import { boardSchema } from './editor-schema.js';

describe('the board editor schema', () => {
  it('has exactly the node types the model reads, so nothing typed is dropped on reading', () => {
    const editorNodes = Object.keys(boardSchema.nodes).filter((n) => n !== 'doc' && n !== 'text');
    expect(editorNodes.sort()).toEqual([...BOARD_NODE_NAMES].sort());
    expect(Object.keys(boardSchema.marks).sort()).toEqual(['em', 'link', 'strong']);
  });
});
