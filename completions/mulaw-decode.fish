function __mulaw-decode_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __mulaw-decode_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __mulaw-decode_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __mulaw-decode_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __mulaw-decode_parse_tokens -S
    set -l unparsed_tokens (__mulaw-decode_tokens -pc)
    switch $unparsed_tokens[1]
    case 'mulaw-decode'
        __mulaw-decode_parse_subcommand 0 'i/input=' 'format=' 'rate=' 'quality=' 'frame-ms=' 'realtime' 'text' 'log-level=' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'help'
            __mulaw-decode_parse_subcommand -r 1 'version'
        end
    end
end

function __mulaw-decode_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __mulaw-decode_parse_subcommand -S -a positional_count
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

function __mulaw-decode_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __mulaw-decode_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__mulaw-decode_tokens -p)
    if test -z "$(__mulaw-decode_tokens -t)"
        set -l index (count (__mulaw-decode_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'mulaw-decode' -f
complete -c 'mulaw-decode' -n '__mulaw-decode_should_offer_completions_for_flags_or_options "mulaw-decode" i input' -s 'i' -l 'input' -d 'Read this sound file (WAV, FLAC, Ogg, AIFF, AU; .ulaw/.raw as 8 kHz µ-law) instead of stdin.' -rF
complete -c 'mulaw-decode' -n '__mulaw-decode_should_offer_completions_for_flags_or_options "mulaw-decode" format' -l 'format' -d 'Input format on stdin.' -rfka 'auto twilio raw frames'
complete -c 'mulaw-decode' -n '__mulaw-decode_should_offer_completions_for_flags_or_options "mulaw-decode" rate' -l 'rate' -d 'Sample rate of the pcm16 output, in Hz.' -rfka ''
complete -c 'mulaw-decode' -n '__mulaw-decode_should_offer_completions_for_flags_or_options "mulaw-decode" quality' -l 'quality' -d 'Resampler quality: best, medium, fastest, linear or zoh.' -rfka 'best medium fastest linear zoh'
complete -c 'mulaw-decode' -n '__mulaw-decode_should_offer_completions_for_flags_or_options "mulaw-decode" frame-ms' -l 'frame-ms' -d 'Duration of the audio frames cut from files and raw input, and of resampled frames, in ms.' -rfka ''
complete -c 'mulaw-decode' -n '__mulaw-decode_should_offer_completions_for_flags_or_options "mulaw-decode" realtime' -l 'realtime' -d 'Send audio no faster than real time, as a live call would (for feeding live stages).'
complete -c 'mulaw-decode' -n '__mulaw-decode_should_offer_completions_for_flags_or_options "mulaw-decode" text' -l 'text' -d 'Write frames as text, payloads inline in base64 (the default when stdout is a terminal).'
complete -c 'mulaw-decode' -n '__mulaw-decode_should_offer_completions_for_flags_or_options "mulaw-decode" log-level' -l 'log-level' -d 'Diagnostics on stderr from this level up.' -rfka 'trace debug info notice warning error critical'
complete -c 'mulaw-decode' -n '__mulaw-decode_should_offer_completions_for_flags_or_options "mulaw-decode" version' -l 'version' -d 'Show the version.'
complete -c 'mulaw-decode' -n '__mulaw-decode_should_offer_completions_for_flags_or_options "mulaw-decode" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mulaw-decode' -n '__mulaw-decode_should_offer_completions_for_positional "mulaw-decode" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'mulaw-decode' -n '__mulaw-decode_should_offer_completions_for_flags_or_options "mulaw-decode help" version' -l 'version' -d 'Show the version.'
