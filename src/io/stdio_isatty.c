// The stdio kind's isatty op: whether the host says the stream is a
// terminal (wasi:cli/terminal-*), asked once per stream.  Its own object,
// linked by isatty() only, so a program that writes to fd 1 without stdio
// imports no terminal interface.
#include "wasip2_fd.h"

int __wasip2_stdio_isatty(struct __wasip2_desc *d) {
  struct __wasip2_stdio *s = d->impl;
  if (s->tty < 0) {
    int tty = 0;
    if (s->which == 0) {
      wasip2_option_wasi_cli_terminal_input_terminal_input_t t;
      wasi_cli_terminal_stdin_get_terminal_stdin(&t);
      if (t.is_some) { tty = 1; wasi_cli_terminal_input_terminal_input_drop(t.val); }
    } else {
      wasip2_option_wasi_cli_terminal_output_terminal_output_t t;
      if (s->which == 1) wasi_cli_terminal_stdout_get_terminal_stdout(&t);
      else wasi_cli_terminal_stderr_get_terminal_stderr(&t);
      if (t.is_some) { tty = 1; wasi_cli_terminal_output_terminal_output_drop(t.val); }
    }
    s->tty = tty;
  }
  return s->tty;
}
