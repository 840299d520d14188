#ifndef OCW_NCURSES_SHIM_H
#define OCW_NCURSES_SHIM_H
// ncursesw for Swift: wide-character API on, and wrappers for what Swift cannot import
// (attribute macros, the stdscr/LINES/COLS globals, wcwidth hidden by glibc).
#define NCURSES_WIDECHAR 1
#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <wchar.h>
#include <curses.h>

static inline WINDOW *ocw_stdscr(void) { return stdscr; }
static inline int ocw_lines(void) { return LINES; }
static inline int ocw_cols(void) { return COLS; }

static inline attr_t ocw_attr_bold(void) { return A_BOLD; }
static inline attr_t ocw_attr_dim(void) { return A_DIM; }
static inline attr_t ocw_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t ocw_attr_reverse(void) { return A_REVERSE; }
static inline attr_t ocw_attr_normal(void) { return A_NORMAL; }

/// Sets the attributes and colour pair for following writes to stdscr.
static inline int ocw_set_style(attr_t attrs, short pair) { return wattr_set(stdscr, attrs, pair, NULL); }

/// Writes n wide characters at (y, x) of stdscr.
static inline int ocw_put(int y, int x, const wchar_t *text, int n) { return mvwaddnwstr(stdscr, y, x, text, n); }

/// The locale from the environment, needed before initscr for UTF-8. In the C/POSIX locale
/// (plain ASCII, e.g. LC_ALL=C in a minimal container or cron) ncursesw would drop every
/// non-ASCII character typed or drawn, so the character type falls back to C.UTF-8 where the
/// system has it; messages, collation and numbers keep the user's locale.
static inline void ocw_use_environment_locale(void) {
    setlocale(LC_ALL, "");
    if (strcmp(nl_langinfo(CODESET), "ANSI_X3.4-1968") == 0) {
        if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "C.utf8");
    }
}

static inline int ocw_key_code_yes(void) { return KEY_CODE_YES; }

/// Columns glibc gives a wide character in the current locale (-1 when not printable); the
/// tests compare the renderer's width table with it.
extern int wcwidth(wchar_t);
#endif
