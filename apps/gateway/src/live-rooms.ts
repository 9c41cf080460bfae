/** Rooms per evening, tenants and staff apart: tenants never receive what only staff may see. */
export const tenantRoom = (eveningId: string) => `evening:${eveningId}:tenants`;
export const staffRoom = (eveningId: string) => `evening:${eveningId}:staff`;

/** What the handshake established about a socket (socket.data). */
export type LiveSocketData =
  { kind: 'participant'; participantId: string; eveningId: string } | { kind: 'staff'; userId: string; eveningId: string };
