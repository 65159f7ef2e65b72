/**
 * The in-process twin of the Redis bus: a `LocalBusHub` connects several "processes"
 * (relays created in one test process), each with its own `RoomBus`. Delivery is
 * asynchronous (a microtask later), like a network, and in publish order.
 */
import { nodeId, type RoomBus, type RoomBusHandlers, type RoomSubscription } from './bus.js';

export class LocalBusHub {
  private readonly nodes = new Set<LocalBus>();

  /** A bus endpoint for one relay. */
  connect(node = nodeId('local')): RoomBus {
    const bus = new LocalBus(node, this);
    this.nodes.add(bus);
    return bus;
  }

  /** @internal */
  deliver(from: LocalBus, room: string, call: (handlers: RoomBusHandlers) => void): void {
    queueMicrotask(() => {
      for (const bus of this.nodes) if (bus !== from) bus.dispatch(room, call);
    });
  }

  /** @internal */
  leave(bus: LocalBus): void {
    this.nodes.delete(bus);
    queueMicrotask(() => {
      for (const other of this.nodes) other.dispatchAll((handlers) => handlers.nodeGone(bus.node));
    });
  }
}

class LocalBus implements RoomBus {
  private readonly rooms = new Map<string, Set<RoomBusHandlers>>();
  private closed = false;

  constructor(
    readonly node: string,
    private readonly hub: LocalBusHub,
  ) {}

  async subscribe(room: string, handlers: RoomBusHandlers): Promise<RoomSubscription> {
    let set = this.rooms.get(room);
    if (!set) this.rooms.set(room, (set = new Set()));
    set.add(handlers);
    return {
      close: () => {
        set.delete(handlers);
        if (set.size === 0 && this.rooms.get(room) === set) this.rooms.delete(room);
      },
    };
  }

  dispatch(room: string, call: (handlers: RoomBusHandlers) => void): void {
    for (const handlers of this.rooms.get(room) ?? []) call(handlers);
  }

  dispatchAll(call: (handlers: RoomBusHandlers) => void): void {
    for (const set of this.rooms.values()) for (const handlers of set) call(handlers);
  }

  publishUpdate(room: string, update: Uint8Array): void {
    if (this.closed) return;
    const copy = update.slice();
    this.hub.deliver(this, room, (handlers) => handlers.update(copy));
  }

  publishAwareness(room: string, update: Uint8Array): void {
    if (this.closed) return;
    const copy = update.slice();
    this.hub.deliver(this, room, (handlers) => handlers.awareness(copy, this.node));
  }

  queryAwareness(room: string): void {
    if (this.closed) return;
    this.hub.deliver(this, room, (handlers) => handlers.awarenessQuery());
  }

  publishPurge(room: string): void {
    if (this.closed) return;
    this.hub.deliver(this, room, (handlers) => handlers.purged());
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('bus closed');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.hub.leave(this);
  }
}
