// Signal names and descriptions (Linux's wording, so logs read the same).
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>

static const char *const names[_NSIG] = {
  [SIGHUP] = "Hangup", [SIGINT] = "Interrupt", [SIGQUIT] = "Quit",
  [SIGILL] = "Illegal instruction", [SIGTRAP] = "Trace/breakpoint trap",
  [SIGABRT] = "Aborted", [SIGBUS] = "Bus error",
  [SIGFPE] = "Floating point exception", [SIGKILL] = "Killed",
  [SIGUSR1] = "User defined signal 1", [SIGSEGV] = "Segmentation fault",
  [SIGUSR2] = "User defined signal 2", [SIGPIPE] = "Broken pipe",
  [SIGALRM] = "Alarm clock", [SIGTERM] = "Terminated",
  [SIGSTKFLT] = "Stack fault", [SIGCHLD] = "Child process status",
  [SIGCONT] = "Continued", [SIGSTOP] = "Stopped (signal)", [SIGTSTP] = "Stopped",
  [SIGTTIN] = "Stopped (tty input)", [SIGTTOU] = "Stopped (tty output)",
  [SIGURG] = "Urgent I/O condition", [SIGXCPU] = "CPU time limit exceeded",
  [SIGXFSZ] = "File size limit exceeded", [SIGVTALRM] = "Virtual timer expired",
  [SIGPROF] = "Profiling timer expired", [SIGWINCH] = "Window changed",
  [SIGIO] = "I/O possible", [SIGPWR] = "Power failure", [SIGSYS] = "Bad system call",
};

char *strsignal(int sig) {
  static char buf[32];
  if (sig > 0 && sig < _NSIG && names[sig]) return (char *)names[sig];
  if (sig >= 32 && sig < _NSIG) {
    snprintf(buf, sizeof buf, "Real-time signal %d", sig - 32);
    return buf;
  }
  snprintf(buf, sizeof buf, "Unknown signal %d", sig);
  return buf;
}

void psignal(int sig, const char *msg) {
  if (msg && *msg)
    fprintf(stderr, "%s: %s\n", msg, strsignal(sig));
  else
    fprintf(stderr, "%s\n", strsignal(sig));
}

void psiginfo(const siginfo_t *si, const char *msg) {
  psignal(si->si_signo, msg);
}
