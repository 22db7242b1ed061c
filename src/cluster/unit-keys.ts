// The names a work unit is known by in NATS: its checkpoint keys in the state bucket and its durable consumer.

export const stateKey = (unit: string): string => `unit.${unit}`;
/** The checkpoint before the head (written just before each head): what a restore falls back to when a part
 *  the head names is missing. Its parts are kept until the head after next. */
export const previousKey = (unit: string): string => `unit.${unit}.previous`;
export const consumerName = (unit: string): string => `unit-${unit}`;
