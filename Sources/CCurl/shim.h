/* Typed wrappers around libcurl's variadic and macro-only API, for Swift.
 *
 * `curl_easy_setopt` and `curl_easy_getinfo` are variadic, so Swift cannot call them; each
 * wrapper below fixes one argument type. `CURL_GLOBAL_DEFAULT` is a compound macro that Swift
 * does not import. Everything here is prefixed `ocw_curl_` so it cannot clash with other
 * modules that also load libcurl (FoundationNetworking does).
 */
#ifndef OCW_CURL_SHIM_H
#define OCW_CURL_SHIM_H

#include <curl/curl.h>

/* Initializes libcurl once per process with the default flags. */
static inline CURLcode ocw_curl_global_init_default(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}

/* Sets an option whose argument is a `long` (flags, numbers, timeouts in ms). */
static inline CURLcode ocw_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/* Sets an option whose argument is a `curl_off_t` (the `_LARGE` sizes). */
static inline CURLcode ocw_curl_setopt_off(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/* Sets an option whose argument is a C string; libcurl copies it (except COPYPOSTFIELDS sizes). */
static inline CURLcode ocw_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/* Sets an option whose argument is an opaque pointer (callback user data, error buffer, body). */
static inline CURLcode ocw_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/* Sets an option whose argument is a header list (`CURLOPT_HTTPHEADER`). */
static inline CURLcode ocw_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

/* Sets a data callback: `CURLOPT_WRITEFUNCTION` or `CURLOPT_HEADERFUNCTION` (same signature). */
static inline CURLcode ocw_curl_setopt_write_function(CURL *handle, CURLoption option, curl_write_callback function) {
    return curl_easy_setopt(handle, option, function);
}

/* Sets `CURLOPT_XFERINFOFUNCTION`, the progress callback that may abort a transfer. */
static inline CURLcode ocw_curl_setopt_xferinfo_function(CURL *handle, curl_xferinfo_callback function) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, function);
}

/* Reads a `long` transfer fact (`CURLINFO_RESPONSE_CODE`, `CURLINFO_NUM_CONNECTS`, ...). */
static inline CURLcode ocw_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/* Reads a string transfer fact; the string belongs to libcurl. */
static inline CURLcode ocw_curl_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    return curl_easy_getinfo(handle, info, value);
}

/* Reads a `double` transfer fact (the older timing values). */
static inline CURLcode ocw_curl_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

/* Reads a `curl_off_t` transfer fact (`CURLINFO_*_T`: sizes, times in microseconds). */
static inline CURLcode ocw_curl_getinfo_off(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

/* The result of a finished transfer in a `CURLMSG_DONE` message (a union member). */
static inline CURLcode ocw_curl_message_result(const CURLMsg *message) {
    return message->data.result;
}

#endif
