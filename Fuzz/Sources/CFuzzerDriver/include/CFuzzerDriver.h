#ifndef CFUZZERDRIVER_H
#define CFUZZERDRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, called from a target's own main (SwiftPM names an executable's entry point
/// itself, so libFuzzer's `main` cannot be used): parses the fuzzer's flags and runs `callback`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
