function __switchboard_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __switchboard_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __switchboard_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __switchboard_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __switchboard_parse_tokens -S
    set -l unparsed_tokens (__switchboard_tokens -pc)
    switch $unparsed_tokens[1]
    case 'switchboard'
        __switchboard_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'run'
            __switchboard_parse_subcommand 1 'loop-marks' 'stall-ms=' 'linger-ms=' 'text' 'log-level=' 'version' 'h/help'
        case 'serve'
            __switchboard_parse_subcommand 0 'config=' 'listen=' 'max-calls=' 'drain-s=' 'idle-prompt-s=' 'idle-hangup-s=' 'record-dir=' 'trace-dir=' 'log-level=' 'version' 'h/help'
        case 'simulate'
            __switchboard_parse_subcommand 0 'scenario=' 'server=' 'media=' 'tenant=' 'auth-token=' 'trace-dir=' 'record=' 'report=' 'html=' 'calls=' 'concurrency=' 'ramp-s=' 'server-pid=' 'q/quiet' 'version' 'h/help'
        case 'check'
            __switchboard_parse_subcommand 1 'log-level=' 'version' 'h/help'
        case 'dump'
            __switchboard_parse_subcommand 0 'audio' 'no-audio' 'log-level=' 'version' 'h/help'
        case 'mock-providers'
            __switchboard_parse_subcommand 0 'host=' 'port=' 'transcripts=' 'replies=' 'faults=' 'fault=+' 'seed=' 'log-level=' 'version' 'h/help'
        case 'help'
            __switchboard_parse_subcommand -r 1 'version'
        end
    end
end

function __switchboard_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __switchboard_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __switchboard_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __switchboard_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__switchboard_tokens -p)
    if test -z "$(__switchboard_tokens -t)"
        set -l index (count (__switchboard_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'switchboard' -f
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard" version' -l 'version' -d 'Show the version.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_positional "switchboard" -eq 1' -fa 'run' -d 'Run a call graph in one process: the in-process twin of a shell pipeline.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_positional "switchboard" -eq 1' -fa 'serve' -d 'Answer Twilio calls: one process, many calls, each running the configured graph.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_positional "switchboard" -eq 1' -fa 'simulate' -d 'Call a voice agent as Twilio would, with a virtual caller following a scenario.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_positional "switchboard" -eq 1' -fa 'check' -d 'Check a `switchboard serve` configuration file and print the graph each tenant runs.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_positional "switchboard" -eq 1' -fa 'dump' -d 'Show a frame stream as one readable JSON line per frame.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_positional "switchboard" -eq 1' -fa 'mock-providers' -d 'Serve local stand-ins for the cloud providers, with faults on demand.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_positional "switchboard" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard run" loop-marks' -l 'loop-marks' -d 'Play the telephone side: echo marks after their audio has played, feed events back (see above).'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard run" stall-ms' -l 'stall-ms' -d 'An `a || b` node switches to b when a takes no input for this long.' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard run" linger-ms' -l 'linger-ms' -d 'With --loop-marks: after the input ends, how long the graph must be quiet before the call ends.' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard run" text' -l 'text' -d 'Write frames as text, payloads inline in base64 (the default when stdout is a terminal).'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard run" log-level' -l 'log-level' -d 'Diagnostics on stderr from this level up.' -rfka 'trace debug info notice warning error critical'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard run" version' -l 'version' -d 'Show the version.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard run" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard serve" config' -l 'config' -d 'The configuration file (YAML).' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard serve" listen' -l 'listen' -d 'Listen here instead of the file\'s `listen`.' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard serve" max-calls' -l 'max-calls' -d 'Refuse calls beyond this many (default: the file\'s limits.max_calls, else 200).' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard serve" drain-s' -l 'drain-s' -d 'On SIGTERM, how long live calls may go on (default: limits.drain_s, else 30).' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard serve" idle-prompt-s' -l 'idle-prompt-s' -d 'Caller silence before the idle prompt; 0: never (default: limits.idle_prompt_s, else 8).' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard serve" idle-hangup-s' -l 'idle-hangup-s' -d 'Caller silence before the call is ended; 0: never (default: limits.idle_hangup_s, else 20).' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard serve" record-dir' -l 'record-dir' -d 'Write each call\'s stereo WAV and transcript here.' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard serve" trace-dir' -l 'trace-dir' -d 'Write each call\'s trace (JSON lines) here.' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard serve" log-level' -l 'log-level' -d 'Diagnostics on stderr from this level up.' -rfka 'trace debug info notice warning error critical'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard serve" version' -l 'version' -d 'Show the version.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard serve" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard simulate" scenario' -l 'scenario' -d 'The scenario file (YAML).' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard simulate" server' -l 'server' -d 'The server\'s base URL, called as Twilio calls it (default: http://127.0.0.1:8080).' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard simulate" media' -l 'media' -d 'A Media Streams WebSocket to call directly instead (ws://host:port/path).' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard simulate" tenant' -l 'tenant' -d 'The tenant, instead of the scenario\'s.' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard simulate" auth-token' -l 'auth-token' -d 'Sign requests with this Twilio auth token (default: $TWILIO_AUTH_TOKEN).' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard simulate" trace-dir' -l 'trace-dir' -d 'The server\'s trace_dir: the agent\'s words and each turn\'s breakdown come from it.' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard simulate" record' -l 'record' -d 'Record the call (caller left, agent right) to this WAV file; one call only.' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard simulate" report' -l 'report' -d 'Write the JSON report here.' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard simulate" html' -l 'html' -d 'Write the HTML report here: each call\'s turns as a waterfall, the latency distribution.' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard simulate" calls' -l 'calls' -d 'Play the scenario this many times.' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard simulate" concurrency' -l 'concurrency' -d 'Calls at once (default: all of them).' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard simulate" ramp-s' -l 'ramp-s' -d 'Spread the first calls\' starts over this many seconds.' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard simulate" server-pid' -l 'server-pid' -d 'The server\'s process id, to measure its CPU and memory per call (/proc).' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard simulate" q quiet' -l 'quiet' -s 'q' -d 'Print nothing; the exit status and the reports tell.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard simulate" version' -l 'version' -d 'Show the version.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard simulate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_positional "switchboard check" -eq 1' -fa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard check" log-level' -l 'log-level' -d 'Diagnostics on stderr from this level up.' -rfka 'trace debug info notice warning error critical'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard check" version' -l 'version' -d 'Show the version.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard dump" audio' -l 'audio' -d 'Show a line for each audio frame.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard dump" no-audio' -l 'no-audio' -d 'Show a line for each audio frame.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard dump" log-level' -l 'log-level' -d 'Diagnostics on stderr from this level up.' -rfka 'trace debug info notice warning error critical'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard dump" version' -l 'version' -d 'Show the version.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard dump" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard mock-providers" host' -l 'host' -d 'Address to listen on.' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard mock-providers" port' -l 'port' -d 'Port to listen on (0: any free port, printed on stderr).' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard mock-providers" transcripts' -l 'transcripts' -d 'Transcripts to hand out in turn, one per line.' -rF
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard mock-providers" replies' -l 'replies' -d 'Chat replies to hand out in turn, one per line (default: echo).' -rF
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard mock-providers" faults' -l 'faults' -d 'Faults per route, as JSON.' -rF
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard mock-providers"' -l 'fault' -d 'One fault, ROUTE.KEY=VALUE (repeatable).' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard mock-providers" seed' -l 'seed' -d 'Seed of the random draws.' -rfka ''
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard mock-providers" log-level' -l 'log-level' -d 'Diagnostics on stderr from this level up.' -rfka 'trace debug info notice warning error critical'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard mock-providers" version' -l 'version' -d 'Show the version.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard mock-providers" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'switchboard' -n '__switchboard_should_offer_completions_for_flags_or_options "switchboard help" version' -l 'version' -d 'Show the version.'
