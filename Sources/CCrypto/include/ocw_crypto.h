/* HMAC from OpenSSL's libcrypto for Swift, loaded on first use.
 *
 * Like CCurl, ocwizard does not link libcrypto: `ocw_crypto_load()` opens `libcrypto.so.3` with
 * `dlopen` the first time a webhook signature is computed, so the wizard's start-up never loads
 * it (docs/DECISIONS.md, "Webhook signatures use OpenSSL's HMAC, opened with dlopen"). libcrypto is
 * on every machine that has libcurl4 (libcurl4 -> libssl3). This header needs no OpenSSL header;
 * the .c file includes OpenSSL's own prototypes to type the resolved pointers.
 */
#ifndef OCW_CRYPTO_H
#define OCW_CRYPTO_H

#include <stddef.h>

/* The digests an HMAC can use. */
typedef enum {
    OCW_DIGEST_SHA256 = 0,
    OCW_DIGEST_SHA1 = 1,
} ocw_digest;

/* Opens libcrypto and resolves its functions, once per process (thread-safe).
 * Returns NULL when it is usable, otherwise why not (`dlerror()`'s text); the text is owned by
 * this module and stays valid for the life of the process. */
const char *ocw_crypto_load(void);

/* HMAC of `data` with `key` and `digest` into `out` (at least 64 bytes); returns the number of
 * bytes written, or 0 on failure (including libcrypto not loaded). */
unsigned int ocw_crypto_hmac(ocw_digest digest, const void *key, size_t key_length,
                             const void *data, size_t data_length, unsigned char *out);

#endif
