/* libcrypto's HMAC loaded with dlopen on first use; see include/ocw_crypto.h. */
#include "ocw_crypto.h"

#include <dlfcn.h>
#include <limits.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define OCW_LIBCRYPTO "libcrypto.so.3"

/* Every libcrypto function used; pointer types from OpenSSL's own prototypes (`__typeof__`). */
#define OCW_CRYPTO_FUNCTIONS(X) \
    X(HMAC) \
    X(EVP_sha256) \
    X(EVP_sha1)

/* Written once inside `pthread_once`, read-only afterwards. */
static struct {
#define OCW_MEMBER(name) __typeof__(&name) p_##name;
    OCW_CRYPTO_FUNCTIONS(OCW_MEMBER)
#undef OCW_MEMBER
} ocw_crypto_fn;

static pthread_once_t ocw_crypto_once = PTHREAD_ONCE_INIT;
static const char *ocw_crypto_failure = NULL;
static char ocw_crypto_failure_text[512];

static void ocw_crypto_fail(const char *detail) {
    snprintf(ocw_crypto_failure_text, sizeof ocw_crypto_failure_text, "%s",
             detail ? detail : "unknown dlopen error");
    ocw_crypto_failure = ocw_crypto_failure_text;
}

static void ocw_crypto_load_once(void) {
    void *library = dlopen(OCW_LIBCRYPTO, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        ocw_crypto_fail(dlerror());
        return;
    }
    void *symbol;
#define OCW_RESOLVE(name) \
    dlerror(); \
    symbol = dlsym(library, #name); \
    if (symbol == NULL) { \
        ocw_crypto_fail(dlerror()); \
        memset(&ocw_crypto_fn, 0, sizeof ocw_crypto_fn); \
        return; \
    } \
    memcpy(&ocw_crypto_fn.p_##name, &symbol, sizeof symbol);
    OCW_CRYPTO_FUNCTIONS(OCW_RESOLVE)
#undef OCW_RESOLVE
    /* The library stays open for the life of the process. */
}

const char *ocw_crypto_load(void) {
    pthread_once(&ocw_crypto_once, ocw_crypto_load_once);
    return ocw_crypto_failure;
}

unsigned int ocw_crypto_hmac(ocw_digest digest, const void *key, size_t key_length,
                             const void *data, size_t data_length, unsigned char *out) {
    if (ocw_crypto_load() != NULL || key_length > INT_MAX) return 0;
    const EVP_MD *md = digest == OCW_DIGEST_SHA1 ? ocw_crypto_fn.p_EVP_sha1() : ocw_crypto_fn.p_EVP_sha256();
    /* HMAC with a NULL key means "no key"; an empty key must still be a key. */
    static const unsigned char empty = 0;
    unsigned int length = 0;
    if (ocw_crypto_fn.p_HMAC(md, key_length ? key : &empty, (int)key_length,
                             data_length ? data : &empty, data_length, out, &length) == NULL) return 0;
    return length;
}
