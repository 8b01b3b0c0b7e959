// Plain mode wraps its lines with the one wrapper the full-screen trainer uses too (indents and
// second columns kept). Only for a person at a terminal: pipes and screen readers get whole lines.
export { wrapLine, wrapText } from "../core/text-wrap";
