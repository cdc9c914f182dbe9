// The public API of @siso/partner-engine: re-exports only.
export const VERSION = '0.1.0';
