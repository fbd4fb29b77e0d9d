// CEditline: libedit (Debian libedit-dev, pkg-config `libedit`) for line editing and history.
// Swift cannot call C variadic functions, so every el_set/el_get/history use the shell needs is wrapped
// here in a non-variadic static inline function.
#ifndef SPS_CEDITLINE_SHIM_H
#define SPS_CEDITLINE_SHIM_H
#include <stdio.h>
#include <wchar.h>
#include <histedit.h>

/// POSIX; glibc declares it only with _XOPEN_SOURCE.
int wcwidth(wchar_t c);
/// The cells a character takes on a terminal (as libedit counts it): 0, 1 or 2; -1 when not printable.
static inline int sps_wcwidth(wchar_t c) {
    return wcwidth(c);
}

// MARK: - History

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
/// Removes every entry.
static inline void sps_history_clear(History *h) {
    HistEvent ev;
    history(h, &ev, H_CLEAR);
}
/// The number of entries.
static inline int sps_history_count(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_GETSIZE) < 0) return 0;
    return ev.num;
}
/// The oldest entry (NULL when empty); follow with sps_history_newer.
static inline const char *sps_history_oldest(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_LAST) < 0) return NULL;
    return ev.str;
}
/// The entry after the one last returned, towards the newest (NULL at the end).
static inline const char *sps_history_newer(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_PREV) < 0) return NULL;
    return ev.str;
}

// MARK: - Editor

/// The prompt callback type.
typedef char *(*sps_prompt_fn)(EditLine *);
/// A key-bound editor function: returns one of the CC_* codes.
typedef unsigned char (*sps_editor_fn)(EditLine *, int);

/// Sets the prompt function; characters between two `ignore` characters are non-printing (escape codes).
static inline int sps_el_set_prompt(EditLine *el, sps_prompt_fn fn, char ignore) {
    return el_set(el, EL_PROMPT_ESC, fn, ignore);
}
/// Selects the key bindings: "emacs" or "vi".
static inline int sps_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
/// 1: libedit restores the terminal around signals while editing (and re-raises them); 0: it leaves them alone.
static inline int sps_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}
/// Connects a history to the editor (arrows, Ctrl-R).
static inline int sps_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}
/// Adds a named editor function that keys can be bound to.
static inline int sps_el_addfn(EditLine *el, const char *name, const char *help, sps_editor_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
/// Binds a key sequence (e.g. "^I", "^C") to a named editor function.
static inline int sps_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, NULL);
}
/// Clears a terminal mode flag while editing, e.g. "-isig" (Ctrl-C then arrives as a key, not a signal).
static inline int sps_el_setty_edit(EditLine *el, const char *flag) {
    return el_set(el, EL_SETTY, "-d", flag, NULL);
}
/// Stores a pointer the callbacks can read back.
static inline int sps_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
/// The pointer stored with sps_el_set_clientdata.
static inline void *sps_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}
/// Redraws the prompt and line.
static inline void sps_el_refresh(EditLine *el) {
    el_set(el, EL_REFRESH);
}
/// The cursor's offset in bytes from the start of the line.
static inline int sps_el_cursor_offset(EditLine *el) {
    const LineInfo *li = el_line(el);
    return (int)(li->cursor - li->buffer);
}
/// The line's length in bytes.
static inline int sps_el_line_length(EditLine *el) {
    const LineInfo *li = el_line(el);
    return (int)(li->lastchar - li->buffer);
}
/// The cursor's offset in characters (wide characters, as el_cursor and el_deletestr count) from the start.
static inline int sps_el_cursor_chars(EditLine *el) {
    const LineInfoW *li = el_wline(el);
    return (int)(li->cursor - li->buffer);
}
/// The line's length in characters.
static inline int sps_el_length_chars(EditLine *el) {
    const LineInfoW *li = el_wline(el);
    return (int)(li->lastchar - li->buffer);
}
/// The line's text (not NUL-terminated; see sps_el_line_length).
static inline const char *sps_el_line_buffer(EditLine *el) {
    return el_line(el)->buffer;
}
#endif
