/* libcurl loaded with dlopen on first use; see include/ocw_curl.h. */
#include "ocw_curl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__APPLE__)
#define OCW_LIBCURL "libcurl.4.dylib"
#else
#define OCW_LIBCURL "libcurl.so.4"
#endif

/* Every libcurl function ocwizard calls. The pointer types come from libcurl's own prototypes
 * (`__typeof__`), so a wrapper cannot call a function with the wrong signature. */
#define OCW_CURL_FUNCTIONS(X) \
    X(curl_global_init) \
    X(curl_easy_init) \
    X(curl_easy_cleanup) \
    X(curl_easy_reset) \
    X(curl_easy_setopt) \
    X(curl_easy_getinfo) \
    X(curl_easy_strerror) \
    X(curl_multi_init) \
    X(curl_multi_cleanup) \
    X(curl_multi_add_handle) \
    X(curl_multi_remove_handle) \
    X(curl_multi_perform) \
    X(curl_multi_poll) \
    X(curl_multi_wakeup) \
    X(curl_multi_info_read) \
    X(curl_multi_strerror) \
    X(curl_slist_append) \
    X(curl_slist_free_all)

/* The resolved functions. Written once inside `pthread_once`, read-only afterwards; a thread
 * that calls a wrapper got its handle from a thread that saw `ocw_curl_load()` succeed, which
 * orders these writes before its reads. */
static struct {
#define OCW_MEMBER(name) __typeof__(&name) p_##name;
    OCW_CURL_FUNCTIONS(OCW_MEMBER)
#undef OCW_MEMBER
} ocw_fn;

static pthread_once_t ocw_once = PTHREAD_ONCE_INIT;
static const char *ocw_failure = NULL;
static char ocw_failure_text[512];

/* Keeps a copy of why loading failed (`dlerror()`'s buffer is reused by the next dl call). */
static void ocw_fail(const char *detail, const char *suffix) {
    snprintf(ocw_failure_text, sizeof ocw_failure_text, "%s%s",
             detail ? detail : "unknown dlopen error", suffix);
    ocw_failure = ocw_failure_text;
}

static void ocw_load_once(void) {
    void *library = dlopen(OCW_LIBCURL, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        ocw_fail(dlerror(), "");
        return;
    }
    void *symbol;
#define OCW_RESOLVE(name) \
    dlerror(); \
    symbol = dlsym(library, #name); \
    if (symbol == NULL) { \
        ocw_fail(dlerror(), "; ocwizard needs libcurl 7.85 or newer"); \
        memset(&ocw_fn, 0, sizeof ocw_fn); \
        return; \
    } \
    memcpy(&ocw_fn.p_##name, &symbol, sizeof symbol);
    OCW_CURL_FUNCTIONS(OCW_RESOLVE)
#undef OCW_RESOLVE
    /* The library stays open for the life of the process. */
}

const char *ocw_curl_load(void) {
    pthread_once(&ocw_once, ocw_load_once);
    return ocw_failure;
}

/* A wrapper used before a successful `ocw_curl_load()` is a programming error. */
__attribute__((noreturn, cold)) static void ocw_not_loaded(const char *name) {
    fprintf(stderr, "ocwizard: %s called before libcurl was loaded (ocw_curl_load)\n", name);
    abort();
}

#define OCW_FN(name) (ocw_fn.p_##name ? (void)0 : ocw_not_loaded(#name), ocw_fn.p_##name)

CURLcode ocw_curl_global_init_default(void) {
    return OCW_FN(curl_global_init)(CURL_GLOBAL_DEFAULT);
}

CURL *ocw_curl_easy_init(void) { return OCW_FN(curl_easy_init)(); }
void ocw_curl_easy_cleanup(CURL *handle) { OCW_FN(curl_easy_cleanup)(handle); }
void ocw_curl_easy_reset(CURL *handle) { OCW_FN(curl_easy_reset)(handle); }
const char *ocw_curl_easy_strerror(CURLcode code) { return OCW_FN(curl_easy_strerror)(code); }

CURLM *ocw_curl_multi_init(void) { return OCW_FN(curl_multi_init)(); }
CURLMcode ocw_curl_multi_cleanup(CURLM *multi) { return OCW_FN(curl_multi_cleanup)(multi); }
CURLMcode ocw_curl_multi_add_handle(CURLM *multi, CURL *handle) { return OCW_FN(curl_multi_add_handle)(multi, handle); }
CURLMcode ocw_curl_multi_remove_handle(CURLM *multi, CURL *handle) { return OCW_FN(curl_multi_remove_handle)(multi, handle); }
CURLMcode ocw_curl_multi_perform(CURLM *multi, int *running_handles) {
    return OCW_FN(curl_multi_perform)(multi, running_handles);
}
CURLMcode ocw_curl_multi_poll(CURLM *multi, struct curl_waitfd extra_fds[], unsigned int extra_nfds,
                              int timeout_ms, int *ret) {
    return OCW_FN(curl_multi_poll)(multi, extra_fds, extra_nfds, timeout_ms, ret);
}
CURLMcode ocw_curl_multi_wakeup(CURLM *multi) { return OCW_FN(curl_multi_wakeup)(multi); }
CURLMsg *ocw_curl_multi_info_read(CURLM *multi, int *msgs_in_queue) {
    return OCW_FN(curl_multi_info_read)(multi, msgs_in_queue);
}
const char *ocw_curl_multi_strerror(CURLMcode code) { return OCW_FN(curl_multi_strerror)(code); }

struct curl_slist *ocw_curl_slist_append(struct curl_slist *list, const char *string) {
    return OCW_FN(curl_slist_append)(list, string);
}
void ocw_curl_slist_free_all(struct curl_slist *list) { OCW_FN(curl_slist_free_all)(list); }

/* `curl_easy_setopt` and `curl_easy_getinfo` are variadic; each wrapper passes one argument type. */

CURLcode ocw_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return OCW_FN(curl_easy_setopt)(handle, option, value);
}

CURLcode ocw_curl_setopt_off(CURL *handle, CURLoption option, curl_off_t value) {
    return OCW_FN(curl_easy_setopt)(handle, option, value);
}

CURLcode ocw_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return OCW_FN(curl_easy_setopt)(handle, option, value);
}

CURLcode ocw_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return OCW_FN(curl_easy_setopt)(handle, option, value);
}

CURLcode ocw_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return OCW_FN(curl_easy_setopt)(handle, option, value);
}

CURLcode ocw_curl_setopt_write_function(CURL *handle, CURLoption option, curl_write_callback function) {
    return OCW_FN(curl_easy_setopt)(handle, option, function);
}

CURLcode ocw_curl_setopt_xferinfo_function(CURL *handle, curl_xferinfo_callback function) {
    return OCW_FN(curl_easy_setopt)(handle, CURLOPT_XFERINFOFUNCTION, function);
}

CURLcode ocw_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return OCW_FN(curl_easy_getinfo)(handle, info, value);
}

CURLcode ocw_curl_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    return OCW_FN(curl_easy_getinfo)(handle, info, value);
}

CURLcode ocw_curl_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return OCW_FN(curl_easy_getinfo)(handle, info, value);
}

CURLcode ocw_curl_getinfo_off(CURL *handle, CURLINFO info, curl_off_t *value) {
    return OCW_FN(curl_easy_getinfo)(handle, info, value);
}
