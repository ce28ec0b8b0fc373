import { createTheme } from '@mantine/core';

/**
 * CJK fonts first that the workstations actually have (Windows: Microsoft YaHei; Linux: Noto
 * CJK), so Chinese text does not fall back glyph by glyph to a mismatched font.
 */
const FONT_STACK = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  '"Microsoft YaHei"',
  '"PingFang SC"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  'sans-serif',
].join(', ');

export const theme = createTheme({
  primaryColor: 'red',
  primaryShade: 8,
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK },
  defaultRadius: 'sm',
});
