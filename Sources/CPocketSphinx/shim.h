#ifndef SWITCHBOARD_CPOCKETSPHINX_SHIM_H
#define SWITCHBOARD_CPOCKETSPHINX_SHIM_H

/*
 * pocketsphinx and the sphinxbase parts it needs (configuration, JSGF grammars, FSGs).
 * cmd_ln_init is variadic and does not import: configurations are built with cmd_ln_parse_r
 * from an argv array instead.
 */
#include <pocketsphinx.h>
#include <sphinxbase/cmd_ln.h>
#include <sphinxbase/jsgf.h>
#include <sphinxbase/fsg_model.h>
#include <sphinxbase/logmath.h>
#include <sphinxbase/err.h>

#endif
