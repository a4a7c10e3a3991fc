// Unit tests drive cafés synchronously, commands included: the terminal module (loaded on demand
// in the browser, see src/store/terminalLoader.ts) is loaded before any test runs.
import { loadTerminal } from '../store/terminalLoader';

await loadTerminal();
