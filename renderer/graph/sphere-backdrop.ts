// Process: renderer. Paints the sphere's rings, sectors and "you" on a canvas under Cytoscape, following its pan and zoom.
import { CATEGORY_LABELS, RING_LABELS, type Ring } from '../../shared/domain/sphere.ts';
import type { SphereLayout } from '../../shared/graph/sphere-layout.ts';
import { CATEGORY_COLOURS } from '../../shared/graph/sphere-colours.ts';

const BAND_FILL: Record<Ring, string> = {
  trust: 'rgba(196, 160, 84, 0.16)',
  like: 'rgba(196, 160, 84, 0.10)',
  know: 'rgba(120, 130, 140, 0.07)',
  prospect: 'rgba(120, 130, 140, 0.035)',
};

export type Viewport = { zoom: number; pan: { x: number; y: number } };

export function paintBackdrop(canvas: HTMLCanvasElement, layout: SphereLayout, viewport: Viewport, highlight?: { ring: Ring; category: string } | null): void {
  const dpr = window.devicePixelRatio || 1;
  const { clientWidth: w, clientHeight: h } = canvas;
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  const { zoom, pan } = viewport;
  const cx = pan.x;
  const cy = pan.y;
  const r = (model: number) => model * zoom;

  // Bands, outermost first so inner ones paint over.
  for (const band of [...layout.rings].reverse()) {
    ctx.beginPath();
    ctx.arc(cx, cy, r(band.outer), 0, Math.PI * 2);
    ctx.arc(cx, cy, r(band.inner), 0, Math.PI * 2, true);
    ctx.fillStyle = BAND_FILL[band.ring];
    ctx.fill('evenodd');
    ctx.beginPath();
    ctx.arc(cx, cy, r(band.outer), 0, Math.PI * 2);
    ctx.strokeStyle = 'rgba(90, 84, 70, 0.22)';
    ctx.lineWidth = 1;
    ctx.stroke();
  }

  if (highlight) {
    const band = layout.rings.find((b) => b.ring === highlight.ring);
    const sector = layout.sectors.find((s) => s.category === highlight.category);
    if (band && sector) {
      ctx.beginPath();
      ctx.arc(cx, cy, r(band.outer), sector.startAngle, sector.endAngle);
      ctx.arc(cx, cy, r(band.inner), sector.endAngle, sector.startAngle, true);
      ctx.closePath();
      ctx.fillStyle = 'rgba(47, 111, 176, 0.14)';
      ctx.fill();
    }
  }

  const inner = layout.rings[0]!.inner;
  const outer = layout.outerRadius;
  // Sector borders and labels.
  ctx.font = `600 ${Math.max(11, Math.min(15, 13 * Math.sqrt(zoom * 2)))}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const sector of layout.sectors) {
    const a = sector.startAngle;
    ctx.beginPath();
    ctx.moveTo(cx + r(inner) * Math.cos(a), cy + r(inner) * Math.sin(a));
    ctx.lineTo(cx + r(outer) * Math.cos(a), cy + r(outer) * Math.sin(a));
    ctx.strokeStyle = 'rgba(90, 84, 70, 0.28)';
    ctx.setLineDash([4, 4]);
    ctx.stroke();
    ctx.setLineDash([]);
    const mid = (sector.startAngle + sector.endAngle) / 2;
    // Labels at the sides run outwards from the sphere instead of back over its outer ring.
    const side = Math.cos(mid);
    ctx.textAlign = side < -0.35 ? 'right' : side > 0.35 ? 'left' : 'center';
    const lr = r(outer) + (ctx.textAlign === 'center' ? 22 : 10);
    const label = `${CATEGORY_LABELS[sector.category]} · ${sector.count}`;
    ctx.fillStyle = CATEGORY_COLOURS[sector.category];
    ctx.fillText(label, cx + lr * Math.cos(mid), cy + lr * Math.sin(mid));
  }

  // Ring names along the top, inside each band.
  ctx.textAlign = 'center';
  ctx.font = `500 ${Math.max(10, Math.min(13, 11 * Math.sqrt(zoom * 2)))}px system-ui, sans-serif`;
  ctx.fillStyle = 'rgba(70, 64, 52, 0.75)';
  for (const band of layout.rings) {
    const y = cy - r(band.outer) + Math.min(12, r(band.outer - band.inner) / 2);
    ctx.fillText(RING_LABELS[band.ring], cx, y);
  }

  // You.
  ctx.beginPath();
  ctx.arc(cx, cy, r(layout.centreRadius), 0, Math.PI * 2);
  ctx.fillStyle = '#2b2a27';
  ctx.fill();
  ctx.fillStyle = '#f6f4ef';
  ctx.font = `600 ${Math.max(10, Math.min(18, r(layout.centreRadius) / 2.2))}px system-ui, sans-serif`;
  ctx.fillText('You', cx, cy);
}
