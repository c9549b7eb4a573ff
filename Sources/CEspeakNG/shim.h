#ifndef SWITCHBOARD_CESPEAKNG_SHIM_H
#define SWITCHBOARD_CESPEAKNG_SHIM_H

/*
 * speak_lib.h declares no variadic functions, so it imports whole; the synth callback is a
 * plain C function pointer, which a Swift closure that captures nothing converts to.
 */
#include <espeak-ng/speak_lib.h>

#endif
