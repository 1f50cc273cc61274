import type { Finding, Rule } from './rule.js';
import { byPathThenPosition } from './declaration-order.js';
import { andList } from './name-lists.js';

export const noApiGateway: Rule = {
  code: 'no-api-gateway',
  defaultSeverity: 'info',
  defaultMax: 1,
  summary: 'more than `max` `user-facing` services and no `gateway` in the model',
  rationale:
    'When clients talk to several services directly, every one of those services must do the work of an edge ' +
    'on its own: authentication, rate limiting, TLS, request logging, versioning for old clients. Each does it a ' +
    'little differently, the clients learn the internal split of the system, and moving a boundary breaks them. ' +
    'A gateway gives clients one front door and keeps the split behind it free to change.',
  check(model, { max }) {
    const facing = [];
    for (const s of model.services.values()) {
      // Only `tier user-facing` counts here; a gateway anywhere means the model has its front door.
      if (s.tier === 'gateway') return [];
      if (s.tier === 'user-facing') facing.push(s);
    }
    if (facing.length <= max) return [];
    facing.sort((a, b) => byPathThenPosition(a.location, b.location));
    const [first, ...others] = facing;
    const finding: Finding = {
      message: `${facing.length} user-facing services (${andList(facing.map((s) => s.name))}) and no gateway; at most ${max} without one`,
      location: first.location,
      related: others.map((s) => ({ location: s.location, message: `${s.name} is user-facing too` })),
    };
    return [finding];
  },
};
