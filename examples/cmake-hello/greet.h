#ifndef GREET_H
#define GREET_H
#ifdef __cplusplus
extern "C" {
#endif
// Formats "hello, NAME" into buf; returns the length snprintf would write.
int greet(char *buf, unsigned long size, const char *name);
#ifdef __cplusplus
}
#endif
#endif
