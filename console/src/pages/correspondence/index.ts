// The correspondence pages (templates, the wave composer, waves and a wave's page) and their stylesheet.
import "./correspondence.css";

export { ComposeWave } from "./compose.tsx";
export { TemplatePage } from "./template.tsx";
export { Templates } from "./templates.tsx";
export { WavePage } from "./wave.tsx";
export { Waves } from "./waves.tsx";
