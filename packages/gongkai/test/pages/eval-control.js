// A positive control: this attempt at eval must be reported, or the probe would prove nothing.
try {
  new Function('return 1')();
} catch {
  // blocked by the policy, as it should be
}
