// POSIX message queues: WASI has no IPC objects.  Every call fails with
// ENOSYS, what a Linux kernel built without CONFIG_POSIX_MQUEUE answers, so
// programs take their no-message-queue path.
#include <errno.h>
#include <mqueue.h>

static int none(void) {
  errno = ENOSYS;
  return -1;
}

mqd_t mq_open(const char *name, int flags, ...) { (void)name; (void)flags; return (mqd_t)none(); }
int mq_close(mqd_t q) { (void)q; return none(); }
int mq_unlink(const char *name) { (void)name; return none(); }
int mq_getattr(mqd_t q, struct mq_attr *a) { (void)q; (void)a; return none(); }
int mq_setattr(mqd_t q, const struct mq_attr *restrict a, struct mq_attr *restrict old) { (void)q; (void)a; (void)old; return none(); }
int mq_notify(mqd_t q, const struct sigevent *ev) { (void)q; (void)ev; return none(); }
int mq_send(mqd_t q, const char *m, size_t n, unsigned prio) { (void)q; (void)m; (void)n; (void)prio; return none(); }
int mq_timedsend(mqd_t q, const char *m, size_t n, unsigned prio, const struct timespec *at) { (void)q; (void)m; (void)n; (void)prio; (void)at; return none(); }
ssize_t mq_receive(mqd_t q, char *m, size_t n, unsigned *prio) { (void)q; (void)m; (void)n; (void)prio; return none(); }
ssize_t mq_timedreceive(mqd_t q, char *restrict m, size_t n, unsigned *restrict prio, const struct timespec *restrict at) { (void)q; (void)m; (void)n; (void)prio; (void)at; return none(); }
