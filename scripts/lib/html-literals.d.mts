import type { Plugin } from 'vite';
export function minifyHtmlText(text: string): string;
export function minifyHtmlLiterals(): Plugin;
