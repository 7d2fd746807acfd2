import type { Component } from '../schema.js';
import type { DocContext } from './context.js';

export function extractComponents(_ctx: DocContext): Component[] {
  return [];
}
