// Process: renderer. Explains every encoding on the graph, and switches each kind of tie on or off.
import { CATEGORIES, CATEGORY_LABELS, TIE_KINDS, type TieKind } from '../../shared/domain/sphere.ts';
import { CATEGORY_COLOURS, STAGE_COLOURS, TIE_COLOURS, TIE_LABELS, TOUCH_BANDS, TRUST_BANDS, type ColourMode } from '../../shared/graph/sphere-colours.ts';
import { CUSTOMER_STAGES } from '../../shared/domain/sphere.ts';
import { STAGE_LABELS } from './forms/EditContactForm.tsx';

type Props = { visibleTies: Record<TieKind, boolean>; onToggle(kind: TieKind): void; colourBy: ColourMode; onColourBy(mode: ColourMode): void };

export function Legend({ visibleTies, onToggle, colourBy, onColourBy }: Props) {
  return (
    <details className="legend" open aria-label="Legend">
      <summary>Legend</summary>
      <label className="colour-by">Colour by{' '}
        <select data-testid="colour-by" value={colourBy} onChange={(e) => onColourBy(e.target.value as ColourMode)}>
          <option value="category">Category</option>
          <option value="stage">Customer stage</option>
          <option value="touch">Time since last touch</option>
          <option value="trust">Trust score</option>
        </select>
      </label>
      <ul>
        {colourBy === 'category' ? CATEGORIES.map((c) => (
          <li key={c}><span className="dot" style={{ background: CATEGORY_COLOURS[c] }} />{CATEGORY_LABELS[c]}</li>
        )) : colourBy === 'stage' ? CUSTOMER_STAGES.map((s) => (
          <li key={s}><span className="dot" style={{ background: STAGE_COLOURS[s] }} />{STAGE_LABELS[s]}</li>
        )) : colourBy === 'trust' ? TRUST_BANDS.map((b) => (
          <li key={b.label}><span className="dot" style={{ background: b.colour }} />{b.label}</li>
        )) : TOUCH_BANDS.map((b) => (
          <li key={b.label}><span className="dot" style={{ background: b.colour }} />{b.label} <small className="muted">(by the ring's cadence)</small></li>
        ))}
      </ul>
      <h2>Shapes and size</h2>
      <ul>
        <li><span className="glyph">★</span>Center of influence</li>
        <li><span className="glyph">⬢</span>Host-beneficiary partner</li>
        <li><span className="dot small" /><span className="dot" />Larger = more trust</li>
      </ul>
      <h2>Ties</h2>
      <ul>
        {TIE_KINDS.map((kind) => (
          <li key={kind}>
            <label>
              <input type="checkbox" checked={visibleTies[kind]} onChange={() => onToggle(kind)} data-testid={`tie-toggle-${kind}`} />
              <span className="line" style={{ borderColor: TIE_COLOURS[kind] }} />
              {TIE_LABELS[kind]}
            </label>
          </li>
        ))}
      </ul>
    </details>
  );
}
