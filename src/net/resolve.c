// Name -> addresses through wasi:sockets/ip-name-lookup, shared by
// getaddrinfo and gethostbyname.  Returns the count (<= max) or an EAI_*.
#include <errno.h>
#include <netdb.h>
#include <string.h>
#include "wasip2_net.h"

// The lookup's error as getaddrinfo reports it, wherever the host raises it
// (at resolve-addresses itself or at a later resolve-next-address).
static int eai(wasi_sockets_network_error_code_t err) {
  switch (err) {
  case WASI_SOCKETS_NETWORK_ERROR_CODE_INVALID_ARGUMENT:
  case WASI_SOCKETS_NETWORK_ERROR_CODE_NAME_UNRESOLVABLE: return EAI_NONAME;
  case WASI_SOCKETS_NETWORK_ERROR_CODE_TEMPORARY_RESOLVER_FAILURE: return EAI_AGAIN;
  case WASI_SOCKETS_NETWORK_ERROR_CODE_OUT_OF_MEMORY: return EAI_MEMORY;
  default: return EAI_FAIL;
  }
}

int __wasip2_resolve(const char *name, wasi_sockets_network_ip_address_t *out, int max) {
  wasip2_string_t s = {(char *)name, strlen(name)};
  wasi_sockets_ip_name_lookup_resolve_address_stream_t st;
  wasi_sockets_network_error_code_t err;
  if (!wasi_sockets_ip_name_lookup_resolve_addresses(__wasip2_network(), &s, &st, &err))
    return eai(err);
  wasi_io_poll_pollable_t p = 0;
  int n = 0, rc = 0;
  for (;;) {
    wasip2_option_wasi_sockets_network_ip_address_t a;
    if (wasi_sockets_ip_name_lookup_resolve_address_stream_resolve_next_address(st, &a, &err)) {
      if (!a.is_some) break;
      if (n < max) out[n++] = a.val;
      continue;
    }
    if (err == WASI_SOCKETS_NETWORK_ERROR_CODE_WOULD_BLOCK) {
      if (!p) p = wasi_sockets_ip_name_lookup_resolve_address_stream_subscribe(st);
      __wasip2_wait_ex(p, -1, WASIP2_WAIT_NOINTR); // lookups are not interrupted
      continue;
    }
    rc = eai(err);
    break;
  }
  if (p) wasi_io_poll_pollable_drop(p);
  wasi_sockets_ip_name_lookup_resolve_address_stream_drop(st);
  if (rc) return rc;
  return n ? n : EAI_NONAME;
}
