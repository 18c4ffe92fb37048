/**
 * Renews a lease every half lease while slow work runs (Graph throttling us), so no other replica
 * takes the work over meanwhile. A failed renewal is only reported: the lease may still run out.
 */
export function renewWhileRunning(
  leaseMs: number,
  renew: () => Promise<unknown>,
  onError: (err: unknown) => void,
): { stop(): void } {
  const timer = setInterval(() => void renew().catch(onError), leaseMs / 2);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
