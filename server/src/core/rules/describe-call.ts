/** How messages name a call or a subscription: `web calls catalog.catalog-api`. */
import type { Call, Subscription } from '../model/model.js';

/** `catalog` or `catalog.catalog-api`, as written. */
export function callTarget(call: Call): string {
  return call.api ? `${call.target.name}.${call.api.name}` : call.target.name;
}

export function subscriptionTarget(sub: Subscription): string {
  return sub.event ? `${sub.publisher.name}.${sub.event.name}` : sub.publisher.name;
}
