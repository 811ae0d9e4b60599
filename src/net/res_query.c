// res_init, res_query, res_search, res_querydomain, res_send (<resolv.h>).
// WASI 0.2 has no way to send a DNS message: wasi:sockets/ip-name-lookup
// only turns a name into addresses, and UDP to a name server would need its
// address, which a sandbox does not have (/etc/resolv.conf is the host's).
// So the query functions fail as glibc's do when no server answers
// (h_errno NO_RECOVERY, errno ENOSYS, -1), and res_init succeeds: there is
// nothing to configure.  getaddrinfo/gethostbyname do resolve names.
#include <errno.h>
#include <netdb.h>
#include <resolv.h>

int res_init(void) { return 0; }

static int no_dns(void) {
  h_errno = NO_RECOVERY;
  errno = ENOSYS;
  return -1;
}

int res_query(const char *dname, int class, int type, unsigned char *answer, int anslen) {
  (void)dname, (void)class, (void)type, (void)answer, (void)anslen;
  return no_dns();
}

int res_search(const char *dname, int class, int type, unsigned char *answer, int anslen) {
  (void)dname, (void)class, (void)type, (void)answer, (void)anslen;
  return no_dns();
}

int res_querydomain(const char *name, const char *domain, int class, int type,
                    unsigned char *answer, int anslen) {
  (void)name, (void)domain, (void)class, (void)type, (void)answer, (void)anslen;
  return no_dns();
}

int res_send(const unsigned char *msg, int msglen, unsigned char *answer, int anslen) {
  (void)msg, (void)msglen, (void)answer, (void)anslen;
  return no_dns();
}
