#ifndef SWITCHBOARD_CHIREDIS_SHIM_H
#define SWITCHBOARD_CHIREDIS_SHIM_H

/*
 * redisCommand is variadic and does not import; redisCommandArgv (binary-safe: every argument
 * has its own length) does, and is the only way the Redis store sends commands.
 */
#include <hiredis/hiredis.h>

#endif
