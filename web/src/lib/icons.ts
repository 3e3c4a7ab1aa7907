// Line icons as SVG path data (24×24, drawn with a 2px stroke in the current colour). Inline SVG rather
// than emoji: emoji fonts are missing on many school machines and render as empty boxes.
export const ICONS = {
  bolt: 'M13 2 4 14h7l-1 8 9-12h-7z',
  flame: 'M12 22a6 6 0 0 0 6-6c0-4-3-6-4-10-2 2-3 4-3 6-1-1-1.5-2-1.5-3C7 11 6 13 6 16a6 6 0 0 0 6 6z',
  snowflake: 'M12 2v20M3.3 7l17.4 10M20.7 7 3.3 17M9 4l3 2 3-2M9 20l3-2 3 2',
  lock: 'M6 11h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1zM8 11V7a4 4 0 0 1 8 0v4',
  unlock: 'M6 11h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1zM8 11V7a4 4 0 0 1 7.7-1.5',
  star: 'm12 2 3 7 7 .6-5.4 4.7 1.7 7.2L12 17.8l-6.3 3.7 1.7-7.2L2 9.6 9 9z',
  users: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21a7 7 0 0 1 14 0M17 11a3 3 0 1 0 0-6M18 14.5a5 5 0 0 1 4 6.5',
  hourglass: 'M6 2h12M6 22h12M7 2c0 6 10 6 10 10S7 16 7 22M17 2c0 6-10 6-10 10s10 4 10 10',
  shield: 'M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5z',
  map: 'M3 6l6-3 6 3 6-3v15l-6 3-6-3-6 3zM9 3v15M15 6v15',
  target: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM12 12h.01',
  book: 'M4 19V5a2 2 0 0 1 2-2h14v16H6a2 2 0 0 0-2 2 2 2 0 0 0 2 2h14v-4',
  play: 'M7 4v16l13-8z',
  pause: 'M8 4v16M16 4v16',
  skip: 'M5 4v16l10-8zM19 5v14',
  chat: 'M21 12a8 8 0 0 1-11.6 7.1L3 21l1.9-6.4A8 8 0 1 1 21 12z',
  medal: 'M12 22a6 6 0 1 0 0-12 6 6 0 0 0 0 12zM8 11 5 2h4l3 6 3-6h4l-3 9',
  check: 'M4 12l5 5L20 6',
  cross: 'M6 6l12 12M18 6 6 18',
  alert: 'M12 3 2 21h20zM12 10v5M12 18h.01',
} as const;

export type IconName = keyof typeof ICONS;
