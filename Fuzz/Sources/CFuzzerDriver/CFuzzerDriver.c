// The declaration in include/CFuzzerDriver.h is all this target provides; libFuzzer
// (-sanitize=fuzzer) defines the function.
#include "CFuzzerDriver.h"
