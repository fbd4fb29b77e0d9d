// CEditline: libedit (Debian libedit-dev, pkg-config `libedit`) for line editing and history.
// Swift cannot call C variadic functions, so every el_set/el_get/history use the shell needs is wrapped
// here in a non-variadic static inline function.
#ifndef SPS_CEDITLINE_SHIM_H
#define SPS_CEDITLINE_SHIM_H
#include <stdio.h>
#include <histedit.h>

/// Creates a history with the given maximum size and duplicate collapsing.
static inline History *sps_history_init(int size) {
    History *h = history_init();
    if (h == NULL) return NULL;
    HistEvent ev;
    history(h, &ev, H_SETSIZE, size);
    history(h, &ev, H_SETUNIQUE, 1);
    return h;
}
/// Adds one entry (a whole, possibly multi-line, statement).
static inline int sps_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}
/// Loads entries from a file in libedit's own format.
static inline int sps_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}
/// Saves all entries to a file in libedit's own format.
static inline int sps_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}
#endif
