// Process: renderer (types only). A library's stylesheet imported by the component that needs it (uPlot's):
// Vite bundles it beside styles.css.
declare module '*.css';
