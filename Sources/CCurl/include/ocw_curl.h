/* libcurl for Swift, loaded on first use.
 *
 * ocwizard does not link libcurl: `ocw_curl_load()` opens `libcurl.so.4` with `dlopen` the first
 * time a request is about to be sent and resolves every function below once. A wizard that never
 * sends anything (or has not sent anything yet) so does not pay for libcurl and the ~33 libraries
 * it pulls in (OpenSSL, GnuTLS, Kerberos, LDAP, ...) at process start-up; see docs/DECISIONS.md.
 *
 * `<curl/curl.h>` is included for its types and constants only. Every libcurl function is called
 * through an `ocw_curl_*` wrapper, which must only be used after `ocw_curl_load()` returned NULL
 * (a wrapper called before that aborts with a message). The wrappers also give Swift what it cannot
 * call itself: `curl_easy_setopt` and `curl_easy_getinfo` are variadic, so each `setopt`/`getinfo`
 * wrapper fixes one argument type, and `CURL_GLOBAL_DEFAULT` is a compound macro that Swift does
 * not import. Everything is prefixed `ocw_curl_` so it cannot clash with other modules that load
 * libcurl (FoundationNetworking does).
 */
#ifndef OCW_CURL_H
#define OCW_CURL_H

#include <curl/curl.h>

/* --- Loading --- */

/* Opens libcurl and resolves its functions, once per process (thread-safe).
 * Returns NULL when libcurl is usable, otherwise why not (`dlerror()`'s text, e.g.
 * "libcurl.so.4: cannot open shared object file: No such file or directory"); the text is
 * owned by this module and stays valid for the life of the process. */
const char *ocw_curl_load(void);

/* --- Plain functions (same arguments and results as libcurl's) --- */

/* Initializes libcurl with the default flags (`curl_global_init(CURL_GLOBAL_DEFAULT)`). */
CURLcode ocw_curl_global_init_default(void);

CURL *ocw_curl_easy_init(void);
void ocw_curl_easy_cleanup(CURL *handle);
void ocw_curl_easy_reset(CURL *handle);
const char *ocw_curl_easy_strerror(CURLcode code);

CURLM *ocw_curl_multi_init(void);
CURLMcode ocw_curl_multi_cleanup(CURLM *multi);
CURLMcode ocw_curl_multi_add_handle(CURLM *multi, CURL *handle);
CURLMcode ocw_curl_multi_remove_handle(CURLM *multi, CURL *handle);
CURLMcode ocw_curl_multi_perform(CURLM *multi, int *running_handles);
CURLMcode ocw_curl_multi_poll(CURLM *multi, struct curl_waitfd extra_fds[], unsigned int extra_nfds,
                              int timeout_ms, int *ret);
CURLMcode ocw_curl_multi_wakeup(CURLM *multi);
CURLMsg *ocw_curl_multi_info_read(CURLM *multi, int *msgs_in_queue);
const char *ocw_curl_multi_strerror(CURLMcode code);

struct curl_slist *ocw_curl_slist_append(struct curl_slist *list, const char *string);
void ocw_curl_slist_free_all(struct curl_slist *list);

/* --- Typed `curl_easy_setopt` --- */

/* Sets an option whose argument is a `long` (flags, numbers, timeouts in ms). */
CURLcode ocw_curl_setopt_long(CURL *handle, CURLoption option, long value);

/* Sets an option whose argument is a `curl_off_t` (the `_LARGE` sizes). */
CURLcode ocw_curl_setopt_off(CURL *handle, CURLoption option, curl_off_t value);

/* Sets an option whose argument is a C string; libcurl copies it (except COPYPOSTFIELDS sizes). */
CURLcode ocw_curl_setopt_string(CURL *handle, CURLoption option, const char *value);

/* Sets an option whose argument is an opaque pointer (callback user data, error buffer, body). */
CURLcode ocw_curl_setopt_pointer(CURL *handle, CURLoption option, void *value);

/* Sets an option whose argument is a header list (`CURLOPT_HTTPHEADER`). */
CURLcode ocw_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);

/* Sets a data callback: `CURLOPT_WRITEFUNCTION` or `CURLOPT_HEADERFUNCTION` (same signature). */
CURLcode ocw_curl_setopt_write_function(CURL *handle, CURLoption option, curl_write_callback function);

/* Sets `CURLOPT_XFERINFOFUNCTION`, the progress callback that may abort a transfer. */
CURLcode ocw_curl_setopt_xferinfo_function(CURL *handle, curl_xferinfo_callback function);

/* --- Typed `curl_easy_getinfo` --- */

/* Reads a `long` transfer fact (`CURLINFO_RESPONSE_CODE`, `CURLINFO_NUM_CONNECTS`, ...). */
CURLcode ocw_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);

/* Reads a string transfer fact; the string belongs to libcurl. */
CURLcode ocw_curl_getinfo_string(CURL *handle, CURLINFO info, const char **value);

/* Reads a `double` transfer fact (the older timing values). */
CURLcode ocw_curl_getinfo_double(CURL *handle, CURLINFO info, double *value);

/* Reads a `curl_off_t` transfer fact (`CURLINFO_*_T`: sizes, times in microseconds). */
CURLcode ocw_curl_getinfo_off(CURL *handle, CURLINFO info, curl_off_t *value);

/* --- No libcurl call --- */

/* The result of a finished transfer in a `CURLMSG_DONE` message (a union member). */
static inline CURLcode ocw_curl_message_result(const CURLMsg *message) {
    return message->data.result;
}

#endif
