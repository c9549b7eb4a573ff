function __vad_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __vad_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __vad_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __vad_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __vad_parse_tokens -S
    set -l unparsed_tokens (__vad_tokens -pc)
    switch $unparsed_tokens[1]
    case 'vad'
        __vad_parse_subcommand 0 'aggressiveness=' 'threshold=' 'min-speech-ms=' 'silence-ms=' 'pre-roll-ms=' 'text' 'log-level=' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'eval'
            __vad_parse_subcommand 0 'corpus=' 'detections=' 'rate=' 'json' 'quiet' 'aggressiveness=' 'threshold=' 'min-speech-ms=' 'silence-ms=' 'pre-roll-ms=' 'version' 'h/help'
        case 'features'
            __vad_parse_subcommand 1 'rate=' 'aggressiveness=' 'threshold=' 'min-speech-ms=' 'silence-ms=' 'pre-roll-ms=' 'version' 'h/help'
        case 'help'
            __vad_parse_subcommand -r 1 'version'
        end
    end
end

function __vad_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __vad_parse_subcommand -S -a positional_count
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

function __vad_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __vad_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__vad_tokens -p)
    if test -z "$(__vad_tokens -t)"
        set -l index (count (__vad_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'vad' -f
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad" aggressiveness' -l 'aggressiveness' -d 'How readily noise is taken for speech: 0 (most sensitive) to 3 (strictest), like webrtcvad\'s modes.' -rfka ''
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad" threshold' -l 'threshold' -d 'Fine tuning on top of --aggressiveness: dB added to the adaptive band-SNR threshold (may be negative).' -rfka ''
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad" min-speech-ms' -l 'min-speech-ms' -d 'Speech needed before an utterance starts; shorter noises are ignored.' -rfka ''
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad" silence-ms' -l 'silence-ms' -d 'Silence after which an utterance ends (the endpointing delay).' -rfka ''
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad" pre-roll-ms' -l 'pre-roll-ms' -d 'How far before the detected onset the start event is placed.' -rfka ''
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad" text' -l 'text' -d 'Write frames as text, payloads inline in base64 (the default when stdout is a terminal).'
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad" log-level' -l 'log-level' -d 'Diagnostics on stderr from this level up.' -rfka 'trace debug info notice warning error critical'
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad" version' -l 'version' -d 'Show the version.'
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vad' -n '__vad_should_offer_completions_for_positional "vad" -eq 1' -fa 'eval' -d 'Score the detector (or another detector\'s decisions) on a labelled corpus.'
complete -c 'vad' -n '__vad_should_offer_completions_for_positional "vad" -eq 1' -fa 'features' -d 'Print what the detector measured every 20 ms of a sound file, as CSV.'
complete -c 'vad' -n '__vad_should_offer_completions_for_positional "vad" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad eval" corpus' -l 'corpus' -d 'The corpus directory (with labels.json).' -rfa '(__vad_complete_directories)'
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad eval" detections' -l 'detections' -d 'Score these per-frame decisions instead of the built-in detector.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad eval" rate' -l 'rate' -d 'Resample the recordings to this rate first (8000 or 16000), to test that path.' -rfka ''
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad eval" json' -l 'json' -d 'Print the report as JSON.'
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad eval" quiet' -l 'quiet' -d 'Print nothing on stderr while working.'
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad eval" aggressiveness' -l 'aggressiveness' -d 'How readily noise is taken for speech: 0 (most sensitive) to 3 (strictest), like webrtcvad\'s modes.' -rfka ''
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad eval" threshold' -l 'threshold' -d 'Fine tuning on top of --aggressiveness: dB added to the adaptive band-SNR threshold (may be negative).' -rfka ''
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad eval" min-speech-ms' -l 'min-speech-ms' -d 'Speech needed before an utterance starts; shorter noises are ignored.' -rfka ''
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad eval" silence-ms' -l 'silence-ms' -d 'Silence after which an utterance ends (the endpointing delay).' -rfka ''
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad eval" pre-roll-ms' -l 'pre-roll-ms' -d 'How far before the detected onset the start event is placed.' -rfka ''
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad eval" version' -l 'version' -d 'Show the version.'
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad eval" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vad' -n '__vad_should_offer_completions_for_positional "vad features" -eq 1' -F
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad features" rate' -l 'rate' -d 'Analyse at this rate: 8000 or 16000.' -rfka ''
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad features" aggressiveness' -l 'aggressiveness' -d 'How readily noise is taken for speech: 0 (most sensitive) to 3 (strictest), like webrtcvad\'s modes.' -rfka ''
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad features" threshold' -l 'threshold' -d 'Fine tuning on top of --aggressiveness: dB added to the adaptive band-SNR threshold (may be negative).' -rfka ''
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad features" min-speech-ms' -l 'min-speech-ms' -d 'Speech needed before an utterance starts; shorter noises are ignored.' -rfka ''
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad features" silence-ms' -l 'silence-ms' -d 'Silence after which an utterance ends (the endpointing delay).' -rfka ''
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad features" pre-roll-ms' -l 'pre-roll-ms' -d 'How far before the detected onset the start event is placed.' -rfka ''
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad features" version' -l 'version' -d 'Show the version.'
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad features" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vad' -n '__vad_should_offer_completions_for_flags_or_options "vad help" version' -l 'version' -d 'Show the version.'
