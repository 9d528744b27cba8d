// Process: renderer. Mounts Cytoscape once and applies model diffs; the sphere's backdrop is a canvas underneath.
import { useEffect, useRef, useState } from 'react';
import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import { hitTest, type DropTarget } from '../../shared/graph/sphere-layout.ts';
import type { TieKind } from '../../shared/domain/sphere.ts';
import { diffModels, withTieKinds, type GraphDiff, type GraphEdge, type NodeData, type SphereGraphModel } from '../../shared/graph/sphere-model.ts';
import type { NetworkPositions } from './network-layout.ts';
import { paintBackdrop } from './sphere-backdrop.ts';
import { clearOpeningPicture, paintOpeningPicture, type OpeningPictureStyle } from './paint-opening-picture.ts';
import { markStartup } from '../perf/startup-marks.ts';
import { sphereStylesheet } from './sphere-style.ts';
import type { ColourMode } from '../../shared/graph/sphere-colours.ts';
import { RING_LABELS, CATEGORY_LABELS } from '../../shared/domain/sphere.ts';
import { count } from '../../shared/domain/counting.ts';
import { setViewSource } from './view-picture.ts';
import { keyboardMove, startOf, type KeyboardMove } from '../../shared/graph/keyboard-moves.ts';

const ARROWS: Record<string, KeyboardMove> = { ArrowRight: 'next', ArrowLeft: 'previous', ArrowUp: 'inward', ArrowDown: 'outward' };
import { createLabelLayer, type LabelLayer } from './label-layer.ts';
import { attachWheelZoom, type WheelZoom } from './wheel-zoom.ts';
import { clearArea, watchSidePanels, type Area } from './clear-area.ts';
import { answerOnPicture } from './picture-pointer.ts';
import { handOverGradually, isAdditionsOnly, type Handover } from './gradual-handover.ts';
import { heldForTest } from './test-hold.ts';
import { createTieLayer, type TieLayer } from './tie-layer.ts';
import { paintGhosts } from './drag-ghost.ts';
import { spotlightTies, TIE_DETAIL_ABOVE, tiesByPerson } from '../../shared/graph/tie-detail.ts';

export type SphereGraphProps = {
  model: SphereGraphModel;
  selectedId: string | null;
  /** Bump to fit the whole sphere on screen again. */
  fitSignal: number;
  /** Bump to zoom by the factor about the centre of the view. */
  zoomSignal: { factor: number; n: number } | null;
  /** Bump with an id to bring that contact into view. */
  centreOn: { id: string; n: number } | null;
  dimOverdue: boolean;
  colourBy: ColourMode;
  /** Contacts the filters leave out; null when nothing is filtered. */
  hiddenIds: Set<string> | null;
  /** A contact and its neighbours within `depth` ties, everything else faded. */
  focus: { id: string; depth: 1 | 2 } | null;
  onFocus(id: string, depth: 1 | 2): void;
  /** Positions of the network view; null shows the sphere. */
  network: NetworkPositions | null;
  visibleTies: Record<TieKind, boolean>;
  onSelect(id: string | null): void;
  /** A contact was dragged and released over `target`; resolves false when nothing was stored (the contact goes back). */
  onDrop(id: string, target: DropTarget): void | Promise<boolean>;
  /** The host's opening picture (see sphere-picture.ts): painted until the model has contacts. */
  openingPicture: OpeningPicture | null;
  /** The host's opening picture is on screen. */
  onOpeningPicturePainted(): void;
  /** Fills that override the colour mode (colour by influence); people not in the map are drawn pale. */
  fills?: Map<string, string> | null;
  /** People whose ring on a replayed day the record cannot confirm: drawn with a dashed outline. */
  uncertainIds?: Set<string> | null;
  /** Contacts glide to a new ring instead of jumping (the timeline replay). */
  animateMoves?: boolean;
};

export type OpeningPicture = { model: SphereGraphModel; dimOverdue: boolean };

/** The visible ties; with `detail`, all but the `spotlight` (Cytoscape's) are drawn by the tie layer. */
type TieDetail = { model: SphereGraphModel; detail: boolean; spotlight: Set<string> };

/** The opening picture as painted on our own canvas (paint-opening-picture.ts) while Cytoscape is not ready. */
type PaintedOpeningPicture = { model: SphereGraphModel; options: OpeningPictureStyle };

type SphereProbe = {
  nodeCount(): number;
  /** Contacts drawn and not hidden by a filter. */
  visibleCount(): number;
  fadedCount(): number;
  nodeColour(id: string): string | null;
  /** Where a contact is drawn, in page coordinates (for tests that drag with the real mouse). */
  nodePosition(id: string): { x: number; y: number } | null;
  /** Which ring and sector the drawn node sits in. */
  placeOf(id: string): DropTarget | null;
  /** The opening picture, shown until Cytoscape has drawn the sphere, is on screen. */
  openingPictureShown(): boolean;
  /** The opening picture answers clicks, hovers and drags: Cytoscape does not hold every element yet. */
  pictureAnswering(): boolean;
  /** How many model changes have been applied to Cytoscape. */
  appliedChanges(): number;
  /** Ties drawn, by Cytoscape or the tie layer (kinds switched off are not in the graph). */
  edgeCount(): number;
  /** Restyles of contacts so far: a change to one contact should restyle a handful, never everyone. */
  restyledCount(): number;
  /** A big sphere's ties: how the tie layer drew them (null when Cytoscape draws them all), and how many Cytoscape holds. */
  tieDetail(): { mode: 'bundles' | 'ties' | null; drawn: number; held: number };
  /** The contact held by the pointer during a drag. */
  grabbedId(): string | null;
  /** Page coordinates of the middle of a ring within a sector: where to drop to reach it. */
  ringMiddle(ring: string, category: string): { x: number; y: number } | null;
  /** The view whose positions are on screen, once nothing moves: null while a view switch, an animation, a wheel zoom, a refit beside a panel or the placing of names is under way. */
  settledView(): 'sphere' | 'network' | null;
  /** Where "you" is drawn in the centre of the sphere, in page coordinates, and its radius in pixels. */
  you(): { x: number; y: number; radius: number };
  /** The current zoom level. */
  zoom(): number;
  /** Contacts named on the graph, with the box each name is drawn in (page coordinates), as Cytoscape measures it. */
  labels(): { id: string; x1: number; y1: number; x2: number; y2: number }[];
  /** The part of the graph no side panel covers, in page coordinates. */
  clearArea(): { x1: number; y1: number; x2: number; y2: number };
};

export function SphereGraph({ model, selectedId, fitSignal, zoomSignal, centreOn, dimOverdue, colourBy, hiddenIds, focus, onFocus, network, visibleTies, onSelect, onDrop, openingPicture, onOpeningPicturePainted, fills = null, uncertainIds = null, animateMoves = false }: SphereGraphProps) {
  const animateRef = useRef(animateMoves);
  // Before the effect that applies the model (declared below), so a replayed day glides on its first frame.
  useEffect(() => {
    animateRef.current = animateMoves;
  }, [animateMoves]);
  const networkRef = useRef(network);
  /** `data` for a contact the still picture named before the window's own model has it. */
  const [tip, setTip] = useState<{ x: number; y: number; id: string; data?: NodeData } | null>(null);
  const graphRef = useRef<HTMLDivElement>(null);
  /** The contact the keyboard is on (arrows move it, Enter selects it), shown while the graph has the focus. */
  const [cursor, setCursor] = useState<{ id: string; shown: boolean } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const containerRef = useRef<HTMLDivElement>(null);
  /** Contacts the picture draws away from their place (dragged, or dropped and not yet stored). */
  const movedRef = useRef(new Map<string, { x: number; y: number }>());
  /** The selected contact, for the label layer's ranking and the still picture's ring (read when they draw). */
  const selectedRef = useRef(selectedId);
  const handoverRef = useRef<Handover | null>(null);
  /** Model changes applied to Cytoscape so far (a probe for the benchmark: a drop's change has been drawn). */
  const appliedRef = useRef(0);
  /** Bumped when Cytoscape has every element: what was set on elements it did not have yet is set again. */
  const [handovers, setHandovers] = useState(0);
  const backdropRef = useRef<HTMLCanvasElement>(null);
  const cyRef = useRef<Core | null>(null);
  const shownRef = useRef<SphereGraphModel | null>(null);
  const modelRef = useRef(model);
  const handlers = useRef({ onSelect, onDrop, onFocus });
  const hoverRef = useRef<{ ring: string; category: string } | null>(null);
  const repaintRef = useRef<() => void>(() => {});
  const styleRef = useRef({ colourBy, dimOverdue });
  const openingCanvasRef = useRef<HTMLCanvasElement>(null);
  const preparingRef = useRef<HTMLParagraphElement>(null);
  /** What the opening picture on screen shows (until Cytoscape has drawn it), so it can be painted again when the view changes. */
  const paintedRef = useRef<PaintedOpeningPicture | null>(null);
  /** Elements are waiting to be handed to Cytoscape in a later frame. */
  const pendingRef = useRef(false);
  /** Paints the opening picture at Cytoscape's current view, and keeps what it shows. */
  const showOpeningPicture = (painted: PaintedOpeningPicture) => {
    const cy = cyRef.current;
    if (!cy || !openingCanvasRef.current) return;
    painted = { model: painted.model, options: { ...painted.options, moved: movedRef.current, selectedId: selectedRef.current } };
    paintOpeningPicture(openingCanvasRef.current, painted.model, { zoom: cy.zoom(), pan: cy.pan() }, painted.options);
    paintedRef.current = painted;
  };
  /** The picture while it is the one answering the pointer: on screen, and Cytoscape without every element yet. */
  const answeringPicture = () => {
    const painted = paintedRef.current;
    if (!painted || networkRef.current || (!pendingRef.current && (shownRef.current?.nodes.size ?? 0) > 0)) return null;
    return painted.model;
  };
  const ghostCanvasRef = useRef<HTMLCanvasElement>(null);
  const endOpeningPicture = () => {
    if (!paintedRef.current) return;
    paintedRef.current = null;
    if (openingCanvasRef.current) clearOpeningPicture(openingCanvasRef.current);
    if (preparingRef.current) preparingRef.current.hidden = true;
    tieLayerRef.current?.schedule();
  };
  /** A switch between the sphere and the network view is animating. */
  const switchingRef = useRef(false);
  const hiddenRef = useRef<Set<string> | null>(null);
  const visibleTiesRef = useRef(visibleTies);
  /** The host's opening picture on screen, whose rings the backdrop draws until the model has contacts. */
  const openingModelRef = useRef<SphereGraphModel | null>(null);
  const labelsRef = useRef<LabelLayer | null>(null);
  /** Paints the contacts held away from their place again, in the next frame. */
  const repaintGhostsRef = useRef<() => void>(() => {});
  /** The contact pressed on the pointer's grid, if any. */
  const pressedRef = useRef<(() => string | null) | null>(null);
  const wheelRef = useRef<WheelZoom | null>(null);
  /** Every visible tie, and whether they are drawn with level of detail (tie-layer.ts) rather than by Cytoscape. */
  const tiesRef = useRef<TieDetail | null>(null);
  const tieCanvasRef = useRef<HTMLCanvasElement>(null);
  const tieLayerRef = useRef<TieLayer | null>(null);
  /** Whose ties Cytoscape draws over the bundles, read when the model is applied (set before that effect runs). */
  const spotRef = useRef({ selectedId, focus });
  /** People Cytoscape draws away from the model's place (held by the pointer): the tie layer asks it where. */
  const offModelRef = useRef(new Set<string>());
  /** The model as Cytoscape should hold it: with level of detail, its people and the spotlight's ties only. */
  const forCytoscape = (model: SphereGraphModel, visible: Record<TieKind, boolean>): SphereGraphModel => {
    const shown = withTieKinds(model, visible);
    const detail = shown.edges.size > TIE_DETAIL_ABOVE;
    const { selectedId: selected, focus: spot } = spotRef.current;
    const spotlight = detail ? spotlightTies(shown, [spot?.id, selected].filter((id): id is string => !!id), spot?.depth ?? 1) : new Set<string>();
    tiesRef.current = { model: shown, detail, spotlight };
    if (!detail) return shown;
    const edges = new Map<string, GraphEdge>();
    for (const id of spotlight) edges.set(id, shown.edges.get(id)!);
    return { ...shown, edges };
  };

  useEffect(() => {
    handlers.current = { onSelect, onDrop, onFocus };
  }, [onSelect, onDrop, onFocus]);

  // Mount once.
  useEffect(() => {
    const container = containerRef.current!;
    const cy = cytoscape({
      container,
      style: sphereStylesheet(styleRef.current),
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      // Edges are redrawn from a cached bitmap while panning: large spheres stay smooth.
      textureOnViewport: false,
      hideEdgesOnViewport: false,
    });
    cyRef.current = cy;
    const tieLayer = (tieLayerRef.current = createTieLayer(tieCanvasRef.current!, () => {
      const ties = tiesRef.current;
      // The opening picture draws its own ties; a view switch moves everyone, and the ties come back when it ends.
      if (!ties?.detail || paintedRef.current || switchingRef.current) return null;
      const inNetwork = !!networkRef.current;
      const off = offModelRef.current;
      const fromCytoscape = (id: string) => {
        const node = cy.getElementById(id);
        return node.nonempty() ? node.position() : undefined;
      };
      return {
        model: ties.model,
        viewport: { zoom: cy.zoom(), pan: cy.pan() },
        size: { w: cy.width(), h: cy.height() },
        hidden: hiddenRef.current,
        skip: ties.spotlight,
        positionOf: inNetwork ? fromCytoscape : off.size ? (id) => (off.has(id) ? fromCytoscape(id) : ties.model.nodes.get(id)?.position) : undefined,
        individual: inNetwork,
        faded: !!spotRef.current.focus,
      };
    }));
    cy.on('viewport resize', () => tieLayer.schedule());
    cy.on('drag', 'node', (event) => {
      offModelRef.current.add(event.target.id());
      tieLayer.schedule();
    });
    // What Export view pictures: the rings only where they mean something (the sphere, not the network view).
    const forgetView = setViewSource({ cy, backdrop: () => (networkRef.current ? null : backdropRef.current), ties: () => (tieLayer.drawn() ? tieCanvasRef.current : null), tieLines: () => tieLayer.drawn()?.lines ?? [], layout: () => (networkRef.current ? null : modelRef.current.layout) });
    const repaint = () => {
      const canvas = backdropRef.current;
      if (!canvas) return;
      // The rings mean nothing in the network view: its positions come from the ties, not from depth.
      if (networkRef.current) canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
      else paintBackdrop(canvas, (modelRef.current.nodes.size === 0 && openingModelRef.current ? openingModelRef.current : modelRef.current).layout, { zoom: cy.zoom(), pan: cy.pan() }, hoverRef.current as never);
    };
    repaintRef.current = repaint;
    cy.on('viewport resize', repaint);
    cy.on('viewport resize', () => {
      const painted = paintedRef.current;
      if (!painted) return;
      // Once Cytoscape holds the elements, its own drawing is right for the new view. Until then the opening
      // picture is all there is: painted again (a resize while the window settles would otherwise leave a blank sphere).
      if (!pendingRef.current && (shownRef.current?.nodes.size ?? 0) > 0) endOpeningPicture();
      else showOpeningPicture(painted);
    });
    cy.on('tap', 'node', (event) => handlers.current.onSelect(event.target.id()));
    cy.on('dbltap', 'node', (event) => handlers.current.onFocus(event.target.id(), (event.originalEvent as MouseEvent | undefined)?.shiftKey ? 2 : 1));
    // Names: the selected contact and the one under the pointer always, then the most trusted (in the network view,
    // the most connected) wherever their names fit.
    const labels = createLabelLayer(cy, () => {
      const selected = selectedRef.current;
      const selectedNode = selected ? cy.getElementById(selected) : null;
      const near = selectedNode?.nonempty() ? new Set(selectedNode.neighborhood('node').map((n) => n.id())) : null;
      const inNetwork = !!networkRef.current;
      // With level of detail Cytoscape holds few ties: how connected someone is comes from the model.
      const ties = tiesRef.current?.detail ? tiesByPerson(tiesRef.current.model) : null;
      const degree = (node: NodeSingular) => (ties ? (ties.get(node.id())?.length ?? 0) : node.degree(false));
      return (node) => (near?.has(node.id()) ? 1000 : 0) + (inNetwork ? degree(node) : Number(node.data('score')));
    }, () => {
      if (networkRef.current) return [];
      // "You", drawn by the backdrop in the middle of the sphere.
      const r = modelRef.current.layout.centreRadius * cy.zoom();
      const { x, y } = cy.pan();
      return [{ x1: x - r, y1: y - r, x2: x + r, y2: y + r }];
    });
    labelsRef.current = labels;
    wheelRef.current = attachWheelZoom(cy, container.parentElement!, container);
    const pinFor = (hovered: string | null) => labels.pin([selectedRef.current, hovered].filter((id): id is string => !!id));
    cy.on('mouseover', 'node', (event) => {
      const p = (event.target as NodeSingular).renderedPosition();
      setTip({ x: p.x, y: p.y, id: event.target.id() });
      pinFor(event.target.id());
    });
    cy.on('mouseout', 'node', () => {
      setTip(null);
      pinFor(null);
    });
    // A view that really moved takes the tip away; the same view set again (the window's own model replacing the
    // opening picture is fitted exactly as the picture was) leaves the contact under the pointer, and its name.
    let lastView = '';
    cy.on('viewport', () => {
      const view = `${cy.zoom()} ${cy.pan().x} ${cy.pan().y}`;
      if (view !== lastView) setTip(null);
      lastView = view;
    });
    cy.on('drag', () => setTip(null));
    cy.on('tap', (event) => {
      if (event.target === cy) handlers.current.onSelect(null);
    });
    // The drop is taken from the pointer's release, not from Cytoscape's dragfree: on a big sphere Cytoscape
    // first hit-tests every element under the pointer, which holds dragfree back by a fifth of a second.
    let dragged: NodeSingular | null = null;
    /** A contact dropped into another ring or sector: it stays where it was let go until the store's change places it. */
    let keptWhereDropped: string | null = null;
    const release = () => {
      const node = dragged;
      dragged = null;
      // In the network view a drag only rearranges the drawing.
      if (!node || networkRef.current) return;
      hoverRef.current = null;
      repaint();
      const target = hitTest(node.position(), modelRef.current.layout);
      const was = modelRef.current.nodes.get(node.id())?.data;
      const kept = (keptWhereDropped = 'ring' in target && was && (was.ring !== target.ring || was.category !== target.category) ? node.id() : null);
      void Promise.resolve(handlers.current.onDrop(node.id(), target)).then((moved) => {
        // Refused (the host away, a failure said in a toast): back to its place after all.
        if (moved !== false || !kept || cyRef.current !== cy) return;
        // Still held by Cytoscape (its release comes after ours): its dragfree puts it back.
        if (keptWhereDropped === kept) keptWhereDropped = null;
        const home = modelRef.current.nodes.get(kept)?.position;
        const back = cy.getElementById(kept);
        if (home && back.nonempty() && !back.grabbed()) back.position(home);
      });
    };
    cy.on('drag', 'node', (event) => {
      if (networkRef.current) return;
      dragged = event.target as NodeSingular;
      const target = hitTest(dragged.position(), modelRef.current.layout);
      const next = 'ring' in target ? { ring: target.ring, category: target.category } : null;
      if (JSON.stringify(next) !== JSON.stringify(hoverRef.current)) {
        hoverRef.current = next;
        repaint();
      }
    });
    cy.on('dragfree', 'node', (event) => {
      if (networkRef.current) return;
      // A release the window did not see (it ended outside it) still counts.
      if (dragged) release();
      // A move is shown where it was dropped at once (the store's change lays it out within its ring a moment
      // later); a drop that changes nothing goes back to its place.
      const node = event.target as NodeSingular;
      const home = modelRef.current.nodes.get(node.id())?.position;
      if (home && keptWhereDropped !== node.id()) node.position(home);
      keptWhereDropped = null;
      repaint();
    });
    window.addEventListener('pointerup', release, true);
    /**
     * The model the pointer's grid answers for (picture-pointer.ts): the still picture while it stands for the sphere,
     * and on a sphere of thousands the window's own model after that too. There Cytoscape hit-tests every person on
     * each move and redraws everyone when a contact is grabbed and let go; the grid answers in microseconds.
     */
    const pointerModel = () => {
      const picture = answeringPicture();
      if (picture) return picture;
      if (networkRef.current || switchingRef.current || cy.animated()) return null;
      return modelRef.current.nodes.size > POINTER_GRID_ABOVE ? modelRef.current : null;
    };
    /** Draws the contacts held away from their place, unless the still picture (which draws them itself) is on screen. */
    const paintGhostsNow = () => {
      const canvas = ghostCanvasRef.current;
      if (!canvas) return;
      const ghosts = paintedRef.current ? [] : [...movedRef.current].flatMap(([id, at]) => {
        const node = modelRef.current.nodes.get(id);
        return node ? [{ data: node.data, from: node.position, at }] : [];
      });
      paintGhosts(canvas, ghosts, { zoom: cy.zoom(), pan: cy.pan() }, styleRef.current.colourBy);
    };
    // Until Cytoscape holds every element, the still picture answers the pointer (picture-pointer.ts).
    let pictureFrame = 0;
    const repaintPictureSoon = () => {
      pictureFrame ||= requestAnimationFrame(() => {
        pictureFrame = 0;
        if (paintedRef.current) showOpeningPicture(paintedRef.current);
        paintGhostsNow();
      });
    };
    repaintGhostsRef.current = repaintPictureSoon;
    cy.on('viewport resize', () => {
      if (movedRef.current.size) repaintPictureSoon();
    });
    const pictureLayout = () => (paintedRef.current?.model ?? modelRef.current).layout;
    const picture = answerOnPicture(graphRef.current!, container, {
      answering: pointerModel,
      viewport: () => ({ zoom: cy.zoom(), pan: cy.pan() }),
      hover: (id, at) => {
        setTip(id ? { ...at, id, data: paintedRef.current?.model.nodes.get(id)?.data } : null);
        pinFor(id);
      },
      select: (id) => handlers.current.onSelect(id),
      focus: (id, depth) => handlers.current.onFocus(id, depth),
      shown: (id) => !hiddenRef.current?.has(id),
      drag: (id, to) => {
        movedRef.current.set(id, to);
        const target = hitTest(to, pictureLayout());
        hoverRef.current = 'ring' in target ? { ring: target.ring, category: target.category } : null;
        repaint();
        repaintPictureSoon();
      },
      drop: (id, at) => {
        const target = hitTest(at, pictureLayout());
        // Kept where it was dropped until the store's change redraws it there; a drop outside the sphere changes nothing.
        if (!('ring' in target)) movedRef.current.delete(id);
        hoverRef.current = null;
        repaint();
        repaintPictureSoon();
        void Promise.resolve(handlers.current.onDrop(id, target)).then((moved) => {
          // Refused: the picture puts it back too.
          if (moved !== false || !movedRef.current.delete(id)) return;
          repaintPictureSoon();
        });
      },
    });
    pressedRef.current = () => picture.pressed();
    const observer = new ResizeObserver(() => {
      cy.resize();
      // An empty sphere has no view of the user's to keep: it follows the window, and gets its place once the
      // container has its size if it had none when first fitted.
      if (modelRef.current.nodes.size === 0 && !openingModelRef.current && !networkRef.current) fitSphere(cy, modelRef.current, container);
      // A sphere still as it was fitted follows the window too: made smaller, it would otherwise run off the edge.
      else if (!networkRef.current && !paintedRef.current && !switchingRef.current && isFitted(cy)) fitSphere(cy, modelRef.current, container);
      repaint();
    });
    observer.observe(container);
    // A side panel opening or closing: a fitted sphere is fitted into the room left; a view the user zoomed keeps
    // its zoom and moves with the middle of the room. A click that opened the detail panel may be the first of a
    // double-click, so the view waits until a second click could no longer come: moved sooner, the second click
    // would miss the contact. Whatever moved the view meanwhile (a focus, a search) has placed it already.
    let area = clearArea(container);
    let lastPress = -Infinity;
    const onPress = () => (lastPress = performance.now());
    container.addEventListener('pointerdown', onPress, true);
    let pending: { timer: ReturnType<typeof setTimeout>; from: Area; fitted: boolean; view: string } | null = null;
    const viewKey = () => JSON.stringify([cy.zoom(), cy.pan()]);
    const unwatch = watchSidePanels(container, () => {
      const from = pending?.from ?? area;
      const fittedThen = pending?.fitted ?? isFitted(cy);
      const view = pending?.view ?? viewKey();
      if (pending) clearTimeout(pending.timer);
      area = clearArea(container);
      pending = null;
      const refit = () => {
        pending = null;
        if (cy.destroyed() || cy.animated() || switchingRef.current || viewKey() !== view) return;
        const to = clearArea(container);
        if (fittedThen && networkRef.current) fitNetwork(cy, container, true);
        else if (fittedThen) fitSphere(cy, modelRef.current, container);
        else cy.panBy({ x: to.x + to.w / 2 - (from.x + from.w / 2), y: 0 });
      };
      const wait = lastPress + DOUBLE_CLICK_MS - performance.now();
      // Otherwise at once, with the panel's own change: whatever reads the view next finds it in its new place.
      if (wait <= 0) refit();
      else pending = { timer: setTimeout(refit, wait), from, fitted: fittedThen, view };
    });
    let restyled = 0;
    cy.on('style', 'node', () => void restyled++);
    (window as unknown as { __sphere: SphereProbe }).__sphere = {
      nodeCount: () => cy.nodes().length,
      visibleCount: () => cy.nodes().not('.filtered').length,
      fadedCount: () => cy.nodes('.faded').length,
      nodeColour: (id) => {
        const node = cy.getElementById(id);
        return node.empty() ? null : String(node.style('background-color'));
      },
      nodePosition: (id) => {
        const node = cy.getElementById(id);
        const box = container.getBoundingClientRect();
        // Not in Cytoscape yet, or held by the pointer's grid away from its place: where it is drawn.
        if (node.empty() || movedRef.current.has(id)) {
          // Not in Cytoscape yet: where the still picture draws it.
          const at = pictured(id);
          return at ? { x: box.left + cy.pan().x + at.x * cy.zoom(), y: box.top + cy.pan().y + at.y * cy.zoom() } : null;
        }
        const p = node.renderedPosition();
        return { x: box.left + p.x, y: box.top + p.y };
      },
      placeOf: (id) => {
        const node = cy.getElementById(id);
        const at = node.empty() || movedRef.current.has(id) ? pictured(id) : node.position();
        return at ? hitTest(at, modelRef.current.nodes.size ? modelRef.current.layout : pictureLayout()) : null;
      },
      openingPictureShown: () => paintedRef.current !== null,
      pictureAnswering: () => answeringPicture() !== null,
      appliedChanges: () => appliedRef.current,
      edgeCount: () => (tiesRef.current?.detail && !pendingRef.current ? tiesRef.current.model.edges.size : cy.edges().length),
      restyledCount: () => restyled,
      tieDetail: () => ({ mode: tieLayer.drawn()?.mode ?? null, drawn: tieLayer.drawn()?.ties ?? 0, held: cy.edges().length }),
      grabbedId: () => picture.pressed() ?? cy.nodes(':grabbed').first().id() ?? null,
      ringMiddle: (ring, category) => {
        const layout = modelRef.current.nodes.size ? modelRef.current.layout : pictureLayout();
        const band = layout.rings.find((b) => b.ring === ring);
        const sector = layout.sectors.find((s) => s.category === category);
        if (!band || !sector) return null;
        const r = (band.inner + band.outer) / 2;
        const a = (sector.startAngle + sector.endAngle) / 2;
        const box = container.getBoundingClientRect();
        return { x: box.left + cy.pan().x + r * Math.cos(a) * cy.zoom(), y: box.top + cy.pan().y + r * Math.sin(a) * cy.zoom() };
      },
      settledView: () => (switchingRef.current || cy.animated() || wheelRef.current?.busy() || pending || labels.pending() ? null : networkRef.current ? 'network' : 'sphere'),
      you: () => {
        const box = container.getBoundingClientRect();
        return { x: box.left + cy.pan().x, y: box.top + cy.pan().y, radius: modelRef.current.layout.centreRadius * cy.zoom() };
      },
      zoom: () => cy.zoom(),
      labels: () => {
        const box = container.getBoundingClientRect();
        return labels.shown().map((id) => {
          const b = cy.getElementById(id).renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
          return { id, x1: box.left + b.x1, y1: box.top + b.y1, x2: box.left + b.x2, y2: box.top + b.y2 };
        });
      },
      clearArea: () => {
        const box = container.getBoundingClientRect();
        const a = clearArea(container);
        return { x1: box.left + a.x, y1: box.top + a.y, x2: box.left + a.x + a.w, y2: box.top + a.y + a.h };
      },
    };
    const pictured = (id: string) => movedRef.current.get(id) ?? (paintedRef.current ? paintedRef.current.model.nodes.get(id)?.position : undefined);
    return () => {
      if (pending) clearTimeout(pending.timer);
      container.removeEventListener('pointerdown', onPress, true);
      unwatch();
      labels.destroy();
      tieLayer.destroy();
      wheelRef.current?.destroy();
      picture.detach();
      cancelAnimationFrame(pictureFrame);
      handoverRef.current?.cancel();
      window.removeEventListener('pointerup', release, true);
      observer.disconnect();
      forgetView();
      cy.destroy();
      cyRef.current = null;
      shownRef.current = null;
    };
  }, []);

  // The opening picture: the sphere as the store holds it, painted while the window's own documents arrive.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !openingPicture || modelRef.current.nodes.size > 0 || shownRef.current?.nodes.size || openingPicture.model.nodes.size === 0) return;
    openingModelRef.current = openingPicture.model;
    fitSphere(cy, openingPicture.model, containerRef.current!);
    repaintRef.current();
    showOpeningPicture({ model: withTieKinds(openingPicture.model, visibleTiesRef.current), options: { colourBy: styleRef.current.colourBy, visibleTies: visibleTiesRef.current, dimOverdue: openingPicture.dimOverdue } });
    preparingRef.current!.hidden = false;
    // Our own canvas is on screen with the next frame (Cytoscape's drawing needs the two of afterDraw).
    requestAnimationFrame(() => {
      markStartup('graph-drawn');
      onOpeningPicturePainted();
    });
  }, [openingPicture, onOpeningPicturePainted]);

  // Before the model is applied (the next effect), so a change of selection and of model together agree.
  useEffect(() => {
    spotRef.current = { selectedId, focus };
  }, [selectedId, focus]);

  // Apply what changed.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    modelRef.current = model;
    visibleTiesRef.current = visibleTies;
    if (model.nodes.size > 0) openingModelRef.current = null;
    const first = shownRef.current === null || shownRef.current.nodes.size === 0;
    // Ties of a kind switched off are not in the graph at all: hidden elements still cost styling on every change.
    const shown = withTieKinds(model, visibleTies);
    const held = forCytoscape(model, visibleTies);
    setEdgeDetail(cy, held.nodes.size, held.edges.size);
    tieLayerRef.current?.schedule();
    // An empty sphere is fitted too (unless the opening picture holds the view): left at Cytoscape's default
    // viewport, "you" sat in the top-left corner, half off screen, on a new user's first screen.
    if (first && (model.nodes.size > 0 || !openingModelRef.current)) fitSphere(cy, model, containerRef.current!);
    repaintRef.current();
    if (pendingRef.current) {
      // The still picture stands for the sphere until Cytoscape has it all: a stored change (a drop) shows on it now.
      if (paintedRef.current && model.nodes.size > 0) {
        movedRef.current.clear();
        showOpeningPicture({ model: shown, options: paintedRef.current.options });
      }
      return;
    }
    if (first && (shown.nodes.size > OPENING_PICTURE_ABOVE.nodes || shown.edges.size > OPENING_PICTURE_ABOVE.ties) && !networkRef.current) {
      // A big sphere is painted at once from the model as its opening picture, and handed to Cytoscape a frame later.
      // The window's own model holds every stored move: what the host's picture kept where it was dropped is in it.
      movedRef.current.clear();
      showOpeningPicture({ model: shown, options: { colourBy: styleRef.current.colourBy, visibleTies, dimOverdue: styleRef.current.dimOverdue } });
      pendingRef.current = true;
      // Set on the element itself: the handover keeps the page busy, and a React render would come too late.
      preparingRef.current!.hidden = false;
      afterDraw(() => {
        markStartup('graph-drawn');
        const begin = () => {
          if (cyRef.current !== cy) return;
          // Whatever the model is by now: it may have changed while the opening picture was painted.
          const from = { model: modelRef.current, ties: visibleTiesRef.current };
          const latest = forCytoscape(from.model, from.ties);
          const finish = () => {
            handoverRef.current = null;
            shownRef.current = latest;
            // A change that came during the handover (a drop on the picture) is applied as any other.
            if (modelRef.current !== from.model || visibleTiesRef.current !== from.ties) {
              const now = forCytoscape(modelRef.current, visibleTiesRef.current);
              applyDiff(cy, diffModels(latest, now), networkRef.current);
              shownRef.current = now;
            }
            pendingRef.current = false;
            setHandovers((n) => n + 1);
            afterDraw(() => {
              endOpeningPicture();
              markStartup('ties-drawn');
            });
          };
          const diff = diffModels(shownRef.current, latest);
          if (isAdditionsOnly(diff)) handoverRef.current = handOverGradually(cy, diff, networkRef.current, finish);
          else {
            applyDiff(cy, diff, networkRef.current);
            finish();
          }
        };
        const hold = heldForTest('handover');
        if (hold) void hold.then(begin);
        else begin();
      });
      return;
    }
    applyDiff(cy, diffModels(shownRef.current, held), networkRef.current, animateRef.current);
    appliedRef.current++;
    shownRef.current = held;
    // Whoever was held away from their place has been put where the model says (the one still held stays held).
    offModelRef.current.clear();
    if (movedRef.current.size) {
      for (const id of [...movedRef.current.keys()]) if (id !== pressedRef.current?.()) movedRef.current.delete(id);
      repaintGhostsRef.current();
    }
    if (model.nodes.size > 0 || paintedRef.current) {
      afterDraw(() => {
        // An opening picture gives way to Cytoscape's drawing (or to an empty sphere, if everyone was deleted meanwhile).
        endOpeningPicture();
        if (model.nodes.size === 0) return;
        markStartup('graph-drawn');
        markStartup('ties-drawn');
      });
    }
  }, [model, visibleTies]);

  // Switching views animates every node to its place in the other one; the selection stays.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || networkRef.current === network) return;
    networkRef.current = network;
    repaintRef.current();
    const target = (id: string) => network?.[id] ?? modelRef.current.nodes.get(id)?.position ?? { x: 0, y: 0 };
    const layout = cy.layout({ name: 'preset', positions: (n: NodeSingular) => target(n.id()), animate: true, animationDuration: 500, fit: !!network, padding: 40 } as cytoscape.LayoutOptions);
    layout.one('layoutstop', () => {
      if (!network) fitSphere(cy, modelRef.current, containerRef.current!);
      // The layout fits the network to the whole graph; a side panel open (the detail panel stays with the
      // selection) takes part of it, so the network moves into the rest.
      else fitNetwork(cy, containerRef.current!, clearArea(containerRef.current!).w < cy.width());
      repaintRef.current();
      switchingRef.current = false;
      labelsRef.current?.schedule(true);
      tieLayerRef.current?.schedule();
    });
    switchingRef.current = true;
    tieLayerRef.current?.schedule();
    layout.run();
  }, [network]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !zoomSignal) return;
    const box = containerRef.current!.getBoundingClientRect();
    cy.animate({ zoom: { level: cy.zoom() * zoomSignal.factor, renderedPosition: { x: box.width / 2, y: box.height / 2 } } }, { duration: 200 });
  }, [zoomSignal]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !centreOn) return;
    const node = cy.getElementById(centreOn.id);
    if (node.nonempty()) cy.animate(viewportFor(node, clearArea(containerRef.current!), 0, Math.max(cy.zoom(), 1.2)), { duration: 350 });
  }, [centreOn]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy && fitSignal > 0) fitSphere(cy, modelRef.current, containerRef.current!);
  }, [fitSignal]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const current = styleRef.current;
    if (current.colourBy === colourBy && current.dimOverdue === dimOverdue) return;
    styleRef.current = { colourBy, dimOverdue };
    cy.style(sphereStylesheet(styleRef.current));
  }, [colourBy, dimOverdue]);

  // Colour by a figure (influence): one data field per node, read by the stylesheet over the colour mode. Only
  // nodes whose fill or outline changes are touched: a class or data set on every node, even to what it already
  // was, restyles all ten thousand of them (a third of a second after every drop on a big sphere).
  const uncertainShownRef = useRef<ReadonlySet<string> | null>(null);
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const before = uncertainShownRef.current;
    cy.batch(() => {
      if (fills || cy.nodes('[fill]').nonempty()) {
        cy.nodes().forEach((node) => {
          const want = fills ? (fills.get(node.id()) ?? '#e4e2dc') : undefined;
          if (node.data('fill') === want) return;
          if (want === undefined) node.removeData('fill');
          else node.data('fill', want);
        });
      }
      for (const id of before ?? []) if (!uncertainIds?.has(id)) cy.getElementById(id).removeClass('uncertain');
      for (const id of uncertainIds ?? []) {
        const node = cy.getElementById(id);
        if (node.nonempty() && !node.hasClass('uncertain')) node.addClass('uncertain');
      }
    });
    uncertainShownRef.current = uncertainIds;
  }, [fills, uncertainIds, model, handovers]);

  // Only contacts whose filtered state changed are touched: a class change restyles the node and its ties.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const before = hiddenRef.current;
    cy.batch(() => {
      for (const id of before ?? []) if (!hiddenIds?.has(id)) cy.getElementById(id).removeClass('filtered');
      for (const id of hiddenIds ?? []) cy.getElementById(id).addClass('filtered');
    });
    hiddenRef.current = hiddenIds;
    tieLayerRef.current?.schedule();
  }, [hiddenIds, model, handovers]);

  // With level of detail, the selection's (or the focus's) ties are Cytoscape's, drawn over the rest: a new
  // selection swaps a handful of ties, never the whole set. Before the next effect, which looks at them in Cytoscape.
  useEffect(() => {
    const cy = cyRef.current;
    const ties = tiesRef.current;
    const shown = shownRef.current;
    if (!cy || !ties?.detail || !shown || pendingRef.current) return;
    const next = forCytoscape(modelRef.current, visibleTiesRef.current);
    applyDiff(cy, diffModels(shown, next), networkRef.current);
    shownRef.current = next;
    tieLayerRef.current?.schedule();
  }, [focus, selectedId]);

  // A focus fades all but a contact's neighbourhood and brings it into view; a selection alone fades the same way,
  // without moving the view, so the selected person's ties stand out of a tangle.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const selectionChanged = selectedRef.current !== selectedId;
    selectedRef.current = selectedId;
    cy.batch(() => {
      cy.elements('.faded').removeClass('faded');
      cy.elements('.near').removeClass('near');
      cy.nodes(':selected').unselect();
      if (selectedId) cy.getElementById(selectedId).select();
    });
    const centre = cy.getElementById(focus?.id ?? selectedId ?? '');
    if (centre.nonempty()) {
      let near = centre.closedNeighborhood();
      if (focus?.depth === 2) near = near.closedNeighborhood();
      // Fading is a class change on every other element: on a big sphere a selection alone only brings the
      // neighbourhood forward (a second more per click at 10,000 contacts otherwise); a focus, asked for, fades.
      const fade = !!focus || cy.elements().length <= FADE_ON_SELECT_UP_TO;
      cy.batch(() => {
        near.addClass('near');
        if (fade) cy.elements().not(near).addClass('faded');
      });
      if (focus) cy.animate(viewportFor(near, clearArea(containerRef.current!), 60, 2), { duration: 350 });
    }
    labelsRef.current?.pin(selectedId ? [selectedId] : []);
    labelsRef.current?.schedule(true);
    // The still picture rings the selection too, while it is on screen.
    if (selectionChanged && paintedRef.current) showOpeningPicture(paintedRef.current);
  }, [focus, selectedId, model, handovers]);

  // The keyboard's contact: marked on the graph, brought into view, and its name said by the live region.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.nodes('.kbd-focus').removeClass('kbd-focus');
    const node = cursor?.shown ? cy.getElementById(cursor.id) : null;
    if (!node || node.empty()) return;
    node.addClass('kbd-focus');
    const p = node.renderedPosition();
    const { w, h } = clearArea(containerRef.current!);
    if (p.x < 20 || p.y < 20 || p.x > w - 20 || p.y > h - 20) cy.animate({ pan: { x: cy.pan().x + w / 2 - p.x, y: cy.pan().y + h / 2 - p.y } }, { duration: 200 });
  }, [cursor, model]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Enter' && cursor) {
      e.preventDefault();
      handlers.current.onSelect(cursor.id);
      return;
    }
    const move = ARROWS[e.key];
    if (!move) return;
    e.preventDefault();
    const from = cursor && model.nodes.has(cursor.id) && !hiddenIds?.has(cursor.id) ? cursor.id : null;
    const to = from ? keyboardMove(model.nodes, from, move, hiddenIds) : startOf(model.nodes, selectedId, hiddenIds);
    if (!to) return;
    setCursor({ id: to, shown: true });
    const data = model.nodes.get(to)!.data;
    setAnnouncement(`${data.label}: ${RING_LABELS[data.ring]}, ${CATEGORY_LABELS[data.category]}, trust ${Math.round(data.score)}. Enter opens.`);
  };

  // Who is shown changed: names are placed again among the people left.
  useEffect(() => {
    labelsRef.current?.schedule(true);
  }, [hiddenIds, visibleTies, network]);

  const tipData = tip ? (model.nodes.get(tip.id)?.data ?? tip.data) : undefined;
  return (
    <div ref={graphRef} className="graph" data-testid="sphere-graph">
      <canvas ref={backdropRef} className="graph-backdrop" aria-hidden="true" />
      <canvas ref={tieCanvasRef} className="graph-backdrop" aria-hidden="true" data-testid="tie-layer" />
      <canvas ref={openingCanvasRef} className="graph-backdrop" aria-hidden="true" data-testid="opening-picture" />
      <p ref={preparingRef} className="graph-preparing" role="status" hidden>Getting {count(model.nodes.size || openingPicture?.model.nodes.size || 0, 'contact', undefined, true)} ready to explore…</p>
      <div ref={containerRef} className="graph-canvas" role="application" tabIndex={0} data-testid="graph-canvas"
        aria-label="Your sphere: you in the centre, rings for Trust, Like, Know and prospects, sectors by category. Left and right arrows go round a ring, up and down go to the ring inside or outside, Enter opens the contact."
        onKeyDown={onKeyDown} onFocus={() => setCursor((c) => (c ? { ...c, shown: true } : c))} onBlur={() => setCursor((c) => (c ? { ...c, shown: false } : c))} />
      <canvas ref={ghostCanvasRef} className="graph-ghost" aria-hidden="true" data-testid="drag-ghost" />
      <p className="visually-hidden" aria-live="polite" data-testid="graph-announcer">{announcement}</p>
      {tipData ? <NodeTip x={tip!.x} y={tip!.y} data={tipData} /> : null}
    </div>
  );
}


/** People above which the pointer's grid, not Cytoscape, answers hovers, clicks and drags (see pointerModel). */
const POINTER_GRID_ABOVE = 5000;

/** Above these, a sphere opening is painted as an opening picture first and handed to Cytoscape a frame later. */
const OPENING_PICTURE_ABOVE = { nodes: 2000, ties: 2500 };

/** Cytoscape draws in its own animation-frame loop, registered before ours: two frames on, the drawing is on screen. */
function afterDraw(then: () => void): void {
  requestAnimationFrame(() => requestAnimationFrame(then));
}

/** A replay moves a handful of people per frame; more than this many at once jump instead, as a drag's redraw does. */
const MOST_ANIMATED_MOVES = 300;

function applyDiff(cy: Core, diff: GraphDiff, network: NetworkPositions | null, animate = false): void {
  const glide = animate && !network && diff.moveNodes.length <= MOST_ANIMATED_MOVES;
  cy.batch(() => {
    for (const id of diff.removeEdges) cy.getElementById(id).remove();
    for (const id of diff.removeNodes) cy.getElementById(id).remove();
    if (diff.addNodes.length) cy.add(diff.addNodes.map((n) => ({ group: 'nodes' as const, data: n.data, position: { ...(network?.[n.data.id] ?? n.position) } })));
    for (const n of diff.updateNodes) cy.getElementById(n.data.id).data(n.data);
    if (!network && !glide) for (const n of diff.moveNodes) cy.getElementById(n.data.id).position({ ...n.position });
    if (diff.addEdges.length) cy.add(diff.addEdges.map((e) => ({ group: 'edges' as const, data: e.data })));
    for (const e of diff.updateEdges) cy.getElementById(e.data.id).data(e.data);
  });
  if (glide) for (const n of diff.moveNodes) cy.getElementById(n.data.id).stop().animate({ position: { ...n.position } }, { duration: 400 });
}

/**
 * Level of detail while the view moves: Cytoscape's ties step aside, and on a sphere with many people each frame of
 * a pan or a zoom moves one picture of them (its viewport texture) instead of drawing each; everything is drawn
 * again when the view rests. (The renderer's own options, set after start because they depend on the data:
 * Cytoscape has no public setter.)
 */
function setEdgeDetail(cy: Core, nodeCount: number, edgeCount: number): void {
  const renderer = (cy as unknown as { renderer(): { hideEdgesOnViewport: boolean; textureOnViewport: boolean } }).renderer();
  renderer.hideEdgesOnViewport = edgeCount > 2500;
  renderer.textureOnViewport = nodeCount > TEXTURE_ON_VIEWPORT_ABOVE;
}

/** People above which a pan or a zoom moves a picture of the graph rather than drawing each person every frame. */
const TEXTURE_ON_VIEWPORT_ABOVE = 3000;

/** Zoom and pan that show `eles` whole in the middle of `area` (Cytoscape's own fit would put them under a panel). */
function viewportFor(eles: cytoscape.CollectionReturnValue | NodeSingular, area: Area, padding: number, maxZoom: number) {
  const bb = eles.boundingBox();
  const zoom = Math.min(maxZoom, (area.w - 2 * padding) / Math.max(bb.w, 1), (area.h - 2 * padding) / Math.max(bb.h, 1));
  return { zoom, pan: { x: area.x + area.w / 2 - zoom * (bb.x1 + bb.w / 2), y: area.y + area.h / 2 - zoom * (bb.y1 + bb.h / 2) } };
}

/** Elements (people and ties) up to which a selection fades everyone outside its neighbourhood. */
const FADE_ON_SELECT_UP_TO = 5000;

/** Longest gap between the two clicks of a double-click, as most systems set it. */
const DOUBLE_CLICK_MS = 500;

/** Pixels kept around the sphere for the sector labels the backdrop draws outside it. */
const SECTOR_LABEL_ROOM = 40;
/** Pixels a sector label at the side of the sphere may take, beside it. */
const SIDE_LABEL_ROOM = 150;

/** The whole sphere, its sector labels included, centred on "you": fitting to the nodes alone would crop the rings. */
function fitSphere(cy: Core, model: SphereGraphModel, container: HTMLElement): void {
  const box = container.getBoundingClientRect();
  // Side panels take their part of the graph: the sphere is fitted into the rest (clear-area.ts).
  const area = clearArea(container);
  const radius = model.layout.outerRadius;
  // The sector labels sit a fixed number of pixels outside the sphere, so the room kept for them is in pixels
  // too: a margin in model units shrinks to nothing when a big sphere is zoomed far out, and the labels go.
  const zoom = Math.max(0.01, (Math.min(area.w, area.h) - 2 * SECTOR_LABEL_ROOM) / (2 * radius));
  // Where the window is wider than the sphere, it moves right of the legend rather than under it, with room for
  // the sector labels that run outwards at its sides.
  const half = radius * zoom + SIDE_LABEL_ROOM;
  const legend = container.ownerDocument.querySelector('.legend')?.getBoundingClientRect();
  const clearOf = Math.max(area.x, legend && legend.width > 0 ? legend.right - box.left : 0);
  const x = Math.max(area.x + area.w / 2, Math.min(clearOf + half, area.x + area.w - half));
  const viewport = { zoom, pan: { x, y: box.height / 2 } };
  cy.viewport(viewport);
  fitted.set(cy, { zoom: cy.zoom(), pan: cy.pan() });
}

/** The network view's people in the room the side panels leave (`move`), or where the layout fitted them; remembered as fitted. */
function fitNetwork(cy: Core, container: HTMLElement, move: boolean): void {
  if (move) cy.viewport(viewportFor(cy.nodes().not('.filtered'), clearArea(container), 40, cy.maxZoom()));
  fitted.set(cy, { zoom: cy.zoom(), pan: cy.pan() });
}

/** The view each graph was last fitted to: while it is still on screen, the user has not zoomed or panned away. */
const fitted = new WeakMap<Core, { zoom: number; pan: { x: number; y: number } }>();

function isFitted(cy: Core): boolean {
  const last = fitted.get(cy);
  return !!last && last.zoom === cy.zoom() && last.pan.x === cy.pan().x && last.pan.y === cy.pan().y;
}

function NodeTip({ x, y, data }: { x: number; y: number; data: NodeData }) {
  return (
    <div className="node-tip" role="tooltip" style={{ left: x + 14, top: y + 10 }} data-testid="node-tip">
      <strong>{data.label}</strong>
      <span>{RING_LABELS[data.ring]} · {CATEGORY_LABELS[data.category]}</span>
      <span>Trust {Math.round(data.score)}{data.overdue ? ' · due for a touch' : ''}</span>
    </div>
  );
}

