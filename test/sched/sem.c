// POSIX semaphores with one thread: counts, trywait EAGAIN, post overflow,
// timedwait ETIMEDOUT after the deadline, a wait nobody can end is EDEADLK
// (never a hang), an alarm's handler that posts ends a wait; named
// semaphores shared by name, O_EXCL, unlink.
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static sem_t s;
static void on_alarm(int sig) { (void)sig; sem_post(&s); }

int main(void) {
  int v = -1;
  REQUIRE(sem_init(&s, 0, 2) == 0 && sem_getvalue(&s, &v) == 0 && v == 2);
  REQUIRE(sem_wait(&s) == 0 && sem_trywait(&s) == 0);
  CHECK_ERRNO(sem_trywait(&s), EAGAIN);
  REQUIRE(sem_post(&s) == 0 && sem_getvalue(&s, &v) == 0 && v == 1 && sem_wait(&s) == 0);
  CHECK_ERRNO(sem_wait(&s), EDEADLK);  // nothing could ever post
  struct timespec t0, at;
  clock_gettime(CLOCK_REALTIME, &t0);
  at = t0;
  at.tv_nsec += 150000000;
  if (at.tv_nsec >= 1000000000) { at.tv_sec++; at.tv_nsec -= 1000000000; }
  CHECK_ERRNO(sem_timedwait(&s, &at), ETIMEDOUT);
  struct timespec t1;
  clock_gettime(CLOCK_REALTIME, &t1);
  long ms = (long)((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000);
  printf("timedwait returned after %ld ms\n", ms);
  REQUIRE(ms >= 140);
  at.tv_nsec = 2000000000;
  CHECK_ERRNO(sem_timedwait(&s, &at), EINVAL);
  CHECK_ERRNO(sem_init(&s, 0, (unsigned)INT_MAX + 1u), EINVAL);
  sem_t big;
  REQUIRE(sem_init(&big, 1, INT_MAX) == 0);
  CHECK_ERRNO(sem_post(&big), EOVERFLOW);
  REQUIRE(sem_destroy(&big) == 0);

  // an alarm handler posts: the wait ends (0, or EINTR as Linux may report it)
  signal(SIGALRM, on_alarm);
  alarm(1);
  int r = sem_wait(&s);
  printf("wait with an alarm: %d (errno %d)\n", r, r ? errno : 0);
  REQUIRE(r == 0 || (errno == EINTR && sem_trywait(&s) == 0));

  // named
  sem_t *a = sem_open("/wasip2-sem", O_CREAT | O_EXCL, 0600, 3);
  REQUIRE(a != SEM_FAILED);
  sem_t *b = sem_open("/wasip2-sem", 0);
  REQUIRE(b == a && sem_wait(b) == 0 && sem_getvalue(a, &v) == 0 && v == 2);
  REQUIRE(sem_open("/wasip2-sem", O_CREAT | O_EXCL, 0600, 0) == SEM_FAILED && errno == EEXIST);
  REQUIRE(sem_open("/nosuch", 0) == SEM_FAILED && errno == ENOENT);
  REQUIRE(sem_open("/a/b", O_CREAT, 0600, 0) == SEM_FAILED && errno == EINVAL);
  REQUIRE(sem_close(b) == 0 && sem_unlink("/wasip2-sem") == 0);
  CHECK_ERRNO(sem_unlink("/wasip2-sem"), ENOENT);
  REQUIRE(sem_post(a) == 0 && sem_close(a) == 0);  // still usable until closed
  puts("semaphores ok");
  return CHECK_DONE();
}
