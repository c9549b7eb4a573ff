function __mulaw-encode_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __mulaw-encode_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __mulaw-encode_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __mulaw-encode_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __mulaw-encode_parse_tokens -S
    set -l unparsed_tokens (__mulaw-encode_tokens -pc)
    switch $unparsed_tokens[1]
    case 'mulaw-encode'
        __mulaw-encode_parse_subcommand 0 'format=' 'o/output=' 'stream-sid=' 'pace' 'lead-ms=' 'frame-ms=' 'quality=' 'text' 'log-level=' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'help'
            __mulaw-encode_parse_subcommand -r 1 'version'
        end
    end
end

function __mulaw-encode_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __mulaw-encode_parse_subcommand -S -a positional_count
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

function __mulaw-encode_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __mulaw-encode_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__mulaw-encode_tokens -p)
    if test -z "$(__mulaw-encode_tokens -t)"
        set -l index (count (__mulaw-encode_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'mulaw-encode' -f
complete -c 'mulaw-encode' -n '__mulaw-encode_should_offer_completions_for_flags_or_options "mulaw-encode" format' -l 'format' -d 'Output format on stdout.' -rfka 'frames twilio raw'
complete -c 'mulaw-encode' -n '__mulaw-encode_should_offer_completions_for_flags_or_options "mulaw-encode" o output' -s 'o' -l 'output' -d 'Write the audio to this sound file instead of stdout.' -rF
complete -c 'mulaw-encode' -n '__mulaw-encode_should_offer_completions_for_flags_or_options "mulaw-encode" stream-sid' -l 'stream-sid' -d 'Stream SID for Twilio messages (default: from the start event).' -rfka ''
complete -c 'mulaw-encode' -n '__mulaw-encode_should_offer_completions_for_flags_or_options "mulaw-encode" pace' -l 'pace' -d 'Send audio at real time instead of as fast as possible.'
complete -c 'mulaw-encode' -n '__mulaw-encode_should_offer_completions_for_flags_or_options "mulaw-encode" lead-ms' -l 'lead-ms' -d 'With --pace: how far ahead of real time audio may be sent, in ms.' -rfka ''
complete -c 'mulaw-encode' -n '__mulaw-encode_should_offer_completions_for_flags_or_options "mulaw-encode" frame-ms' -l 'frame-ms' -d 'Duration of each µ-law frame, in ms.' -rfka ''
complete -c 'mulaw-encode' -n '__mulaw-encode_should_offer_completions_for_flags_or_options "mulaw-encode" quality' -l 'quality' -d 'Resampler quality: best, medium, fastest, linear or zoh.' -rfka 'best medium fastest linear zoh'
complete -c 'mulaw-encode' -n '__mulaw-encode_should_offer_completions_for_flags_or_options "mulaw-encode" text' -l 'text' -d 'Write frames as text, payloads inline in base64 (the default when stdout is a terminal).'
complete -c 'mulaw-encode' -n '__mulaw-encode_should_offer_completions_for_flags_or_options "mulaw-encode" log-level' -l 'log-level' -d 'Diagnostics on stderr from this level up.' -rfka 'trace debug info notice warning error critical'
complete -c 'mulaw-encode' -n '__mulaw-encode_should_offer_completions_for_flags_or_options "mulaw-encode" version' -l 'version' -d 'Show the version.'
complete -c 'mulaw-encode' -n '__mulaw-encode_should_offer_completions_for_flags_or_options "mulaw-encode" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mulaw-encode' -n '__mulaw-encode_should_offer_completions_for_positional "mulaw-encode" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'mulaw-encode' -n '__mulaw-encode_should_offer_completions_for_flags_or_options "mulaw-encode help" version' -l 'version' -d 'Show the version.'
