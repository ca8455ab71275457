/** Settings layering has no Node dependency; it lives in `server/src/project/` and is re-exported here for the Node adapters. */
export * from '../project/analysisContext';
