function __llm-stream_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __llm-stream_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __llm-stream_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __llm-stream_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __llm-stream_parse_tokens -S
    set -l unparsed_tokens (__llm-stream_tokens -pc)
    switch $unparsed_tokens[1]
    case 'llm-stream'
        __llm-stream_parse_subcommand 0 'engine=' 'script=' 'provider=' 'base-url=' 'model=' 'api-key-env=' 'temperature=' 'max-tokens=' 'hedge-ms=' 'stall-ms=' 'breaker-failures=' 'breaker-open-s=' 'llm-concurrency=' 'llm-concurrency-max=' 'queue-ms=' 'words-per-second=' 'today=' 'understand=' 'understand-deadline-ms=' 'system=' 'system-file=' 'tenant-prompts=' 'greeting=' 'history-turns=' 'barge-in-ms=' 'barge-in-words=' 'speculate' 'plain' 'frames' 'text' 'log-level=' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'grammar'
            __llm-stream_parse_subcommand 0 'script=' 'version' 'h/help'
        case 'eval'
            __llm-stream_parse_subcommand 0 'log-level=' 'cases=+' 'booking-state=' 'misses' 'json' 'version' 'h/help'
        case 'help'
            __llm-stream_parse_subcommand -r 1 'version'
        end
    end
end

function __llm-stream_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __llm-stream_parse_subcommand -S -a positional_count
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

function __llm-stream_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __llm-stream_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__llm-stream_tokens -p)
    if test -z "$(__llm-stream_tokens -t)"
        set -l index (count (__llm-stream_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'llm-stream' -f
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" engine' -l 'engine' -d 'Engines tried in order per turn: script, openai, groq, ollama, vllm; NAME:MODEL picks a model.' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" script' -l 'script' -d 'The dialogue script for the script engine.' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" provider' -l 'provider' -d 'Base URL preset of the openai engine: openai, groq, ollama or vllm.' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" base-url' -l 'base-url' -d 'Base URL of the openai engine, ending in /v1 (overrides --provider).' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" model' -l 'model' -d 'Model of the openai engine (default per provider).' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" api-key-env' -l 'api-key-env' -d 'Environment variable holding the openai engine\'s API key.' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" temperature' -l 'temperature' -d 'Sampling temperature sent to LLM engines.' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" max-tokens' -l 'max-tokens' -d 'Longest answer, in tokens, asked of LLM engines.' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" hedge-ms' -l 'hedge-ms' -d 'Start the next engine as well when the first has sent nothing for this long.' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" stall-ms' -l 'stall-ms' -d 'Give up on a provider that sends nothing for this long mid-answer.' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" breaker-failures' -l 'breaker-failures' -d 'Failures in a row that open an engine\'s circuit breaker.' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" breaker-open-s' -l 'breaker-open-s' -d 'How long an open breaker keeps an engine out before one probe.' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" llm-concurrency' -l 'llm-concurrency' -d 'Concurrent requests an LLM engine starts with, for all calls of the process: one more per success, half on a 429.' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" llm-concurrency-max' -l 'llm-concurrency-max' -d 'The most concurrent requests an LLM engine may grow to.' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" queue-ms' -l 'queue-ms' -d 'How long a turn waits for a free place at a saturated LLM engine before trying the next engine.' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" words-per-second' -l 'words-per-second' -d 'Words per second the script engine streams at (0: all at once; default: the script\'s rate, else 40).' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" today' -l 'today' -d 'The date the script engine takes for today (default: the real date).' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" understand' -l 'understand' -d 'An LLM reads each caller turn for the script engine, which still decides what to say: openai, groq, ollama or vllm (as in --engine); NAME:MODEL picks a model.' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" understand-deadline-ms' -l 'understand-deadline-ms' -d 'How long a turn waits for --understand before the script\'s own rules decide.' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" system' -l 'system' -d 'System prompt for LLM engines.' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" system-file' -l 'system-file' -d 'Read the system prompt from a file.' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" tenant-prompts' -l 'tenant-prompts' -d 'Directory of per-tenant prompts, read once: <dir>/<tenant>.txt for start.tenant (start.params.system wins over both).' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" greeting' -l 'greeting' -d 'Say this when a conversation begins: a call starts, or a caller turn comes with none under way (default: the script\'s greeting, if the script engine comes first; \'\' for none).' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" history-turns' -l 'history-turns' -d 'User/assistant exchanges kept and sent to the engine.' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" barge-in-ms' -l 'barge-in-ms' -d 'Caller speech over the agent that interrupts it; shorter is a backchannel.' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" barge-in-words' -l 'barge-in-words' -d 'Words in an interim transcript over the agent that interrupt it.' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" speculate' -l 'speculate' -d 'Start answering a settled interim transcript before its final arrives; keep the head start if the final matches.'
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" plain' -l 'plain' -d 'Show the conversation as plain text: the agent\'s answers as they stream, one paragraph each; errors on stderr (the default when stdout is a terminal).'
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" frames' -l 'frames' -d 'Write frames, also when stdout is a terminal (as text there).'
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" text' -l 'text' -d 'Write frames as text, payloads inline in base64 (implies --frames).'
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" log-level' -l 'log-level' -d 'Diagnostics on stderr from this level up.' -rfka 'trace debug info notice warning error critical'
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" version' -l 'version' -d 'Show the version.'
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_positional "llm-stream" -eq 1' -fa 'grammar' -d 'Print the JSGF recognition grammar of a dialogue script.'
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_positional "llm-stream" -eq 1' -fa 'eval' -d 'Score a dialogue script on case files: intent, slot and end-to-end booking accuracy.'
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_positional "llm-stream" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream grammar" script' -l 'script' -d 'The dialogue script for the script engine.' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream grammar" version' -l 'version' -d 'Show the version.'
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream grammar" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream eval" log-level' -l 'log-level' -d 'Diagnostics on stderr from this level up.' -rfka 'trace debug info notice warning error critical'
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream eval"' -l 'cases' -d 'A case file (repeat for several).' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream eval" booking-state' -l 'booking-state' -d 'The state a booking call ends in.' -rfka ''
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream eval" misses' -l 'misses' -d 'Print each case got wrong (file:line, what was said, what came out) on stderr.'
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream eval" json' -l 'json' -d 'Print one JSON object per file and one for the total instead of the table.'
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream eval" version' -l 'version' -d 'Show the version.'
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream eval" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'llm-stream' -n '__llm-stream_should_offer_completions_for_flags_or_options "llm-stream help" version' -l 'version' -d 'Show the version.'
