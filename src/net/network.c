// The instance network handle: every bind/connect/lookup borrows it, so it
// is asked for once and dropped at exit (after every socket is closed).
#include "wasip2_net.h"

static wasi_sockets_network_network_t net;

static void drop_network(void) {
  if (net) wasi_sockets_network_network_drop(net);
  net = 0;
}

wasi_sockets_network_network_t __wasip2_network(void) {
  if (!net) {
    net = wasi_sockets_instance_network_instance_network();
    __wasip2_on_exit(drop_network);
  }
  return net;
}
