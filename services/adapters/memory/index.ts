/** The in-memory adapter: one entry point for the composition root. */
export { createMemoryStore } from './memoryStore';
