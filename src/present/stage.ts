/**
 * The presentation stage: as tall as STAGE_H CSS px and as wide as the screen's aspect ratio
 * asks (4:3, 16:10, 16:9 and anything between — from 5:4 to 21:9), scaled with a CSS transform
 * to fill the screen. A chart on it is laid out for its aspect and sizes its type from its
 * height (charts/projector.ts), so the same slide reads the same on a 1024×768 projector and a
 * 1920×1080 one, with no black bands. Pure.
 */
import { STAGE_H } from '../charts/projector';

export { STAGE_H };
/** narrowest and widest aspect ratios the stage takes; beyond them it is letterboxed */
export const MIN_ASPECT = 5 / 4;
export const MAX_ASPECT = 21 / 9;

export interface StageFit {
  /** the stage's size in CSS px before scaling */
  width: number;
  height: number;
  /** its scale on the screen, and where its top-left corner sits */
  scale: number;
  left: number;
  top: number;
}

export function stageFor(screenW: number, screenH: number): StageFit {
  const aspect = Math.min(MAX_ASPECT, Math.max(MIN_ASPECT, screenW / Math.max(1, screenH)));
  const width = Math.round(STAGE_H * aspect);
  const scale = Math.min(screenW / width, screenH / STAGE_H);
  return { width, height: STAGE_H, scale, left: (screenW - width * scale) / 2, top: (screenH - STAGE_H * scale) / 2 };
}

