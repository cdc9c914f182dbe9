// @siso/partner-engine/testing: fast-check arbitraries and invariant checks for a host's CI.
export {};
