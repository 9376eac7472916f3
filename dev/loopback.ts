/** Whether a caller's address (a socket's remote address) is this machine's loopback. */
export const isLoopbackAddress = (address: string | undefined) =>
  /^(::1$|127\.|::ffff:127\.)/.test(address ?? '')
