function __stt-stream_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __stt-stream_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __stt-stream_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __stt-stream_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __stt-stream_parse_tokens -S
    set -l unparsed_tokens (__stt-stream_tokens -pc)
    switch $unparsed_tokens[1]
    case 'stt-stream'
        __stt-stream_parse_subcommand 0 'engine=' 'grammar=' 'grammar-from-script=' 'fallback-search' 'decoders=' 'sphinx-model=' 'pre-roll-ms=' 'pick-wait-ms=' 'pass-audio' 'endpoint=+' 'model=+' 'language=' 'endpointing-ms=' 'utterance-end-ms=' 'whisper-key-variable=' 'text' 'log-level=' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'eval'
            __stt-stream_parse_subcommand 0 'corpus=' 'modes=' 'split=' 'script=' 'jobs=' 'limit=' 'json' 'show-misses' 'quiet' 'log-level=' 'version' 'h/help'
        case 'help'
            __stt-stream_parse_subcommand -r 1 'version'
        end
    end
end

function __stt-stream_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __stt-stream_parse_subcommand -S -a positional_count
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

function __stt-stream_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __stt-stream_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__stt-stream_tokens -p)
    if test -z "$(__stt-stream_tokens -t)"
        set -l index (count (__stt-stream_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'stt-stream' -f
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream" engine' -l 'engine' -d 'Engines: pocketsphinx, deepgram, whisper. A,B fails over from A to B; A+B runs both on the same audio and picks one final per utterance.' -rfka ''
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream" grammar' -l 'grammar' -d 'Recognize against this JSGF grammar (pocketsphinx).' -rfa '(set -l exts \'jsgf\' \'gram\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream" grammar-from-script' -l 'grammar-from-script' -d 'Recognize against the grammar of this dialogue script (as `llm-stream grammar` writes it), narrowed per step by `listen` events.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream" fallback-search' -l 'fallback-search' -d 'When the grammar match is poor, recognize the utterance again free-form (pocketsphinx).'
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream" decoders' -l 'decoders' -d 'pocketsphinx decoders in the process, shared by every call (each ~0.3 s to create, created when first needed).' -rfka ''
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream" sphinx-model' -l 'sphinx-model' -d 'pocketsphinx model folder (laid out as Debian\'s pocketsphinx-en-us).' -rfa '(__stt-stream_complete_directories)'
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream" pre-roll-ms' -l 'pre-roll-ms' -d 'Audio from before each `vad start` handed to the engines with the utterance.' -rfka ''
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream" pick-wait-ms' -l 'pick-wait-ms' -d 'Engines in competition: how long the first final waits for the others.' -rfka ''
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream" pass-audio' -l 'pass-audio' -d 'Send the audio on as well (it is consumed by default).'
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream"' -l 'endpoint' -d 'Base URL of cloud engines: URL for both (a local server, the mock), or NAME=URL for one. Repeatable.' -rfka ''
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream"' -l 'model' -d 'Model of a cloud engine, NAME=MODEL (deepgram=nova-3, whisper=whisper-1 by default). Repeatable.' -rfka ''
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream" language' -l 'language' -d 'The caller\'s language (BCP-47, e.g. en-US, hi; whisper uses its first part).' -rfka ''
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream" endpointing-ms' -l 'endpointing-ms' -d 'deepgram: silence that ends a segment (speech_final).' -rfka ''
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream" utterance-end-ms' -l 'utterance-end-ms' -d 'deepgram: word gap that sends UtteranceEnd (1000–5000; 0 = off).' -rfka ''
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream" whisper-key-variable' -l 'whisper-key-variable' -d 'whisper: the environment variable holding the key (none needed for a local server).' -rfka ''
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream" text' -l 'text' -d 'Write frames as text, payloads inline in base64 (the default when stdout is a terminal).'
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream" log-level' -l 'log-level' -d 'Diagnostics on stderr from this level up.' -rfka 'trace debug info notice warning error critical'
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream" version' -l 'version' -d 'Show the version.'
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_positional "stt-stream" -eq 1' -fa 'eval' -d 'Score pocketsphinx on the STT corpus: word error rate, sentence accuracy and real-time factor per mode.'
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_positional "stt-stream" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream eval" corpus' -l 'corpus' -d 'The corpus folder.' -rfa '(__stt-stream_complete_directories)'
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream eval" modes' -l 'modes' -d 'Modes to run: free, script, step, fallback, compete.' -rfka ''
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream eval" split' -l 'split' -d 'Which part of the corpus: evaluation, tuning, all.' -rfka ''
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream eval" script' -l 'script' -d 'The dialogue script the receptionist items were written for.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream eval" jobs' -l 'jobs' -d 'Items recognized at once (and decoders).' -rfka ''
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream eval" limit' -l 'limit' -d 'Only the first N items of each mode (a quick look).' -rfka ''
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream eval" json' -l 'json' -d 'Print one JSON object per row instead of the table.'
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream eval" show-misses' -l 'show-misses' -d 'Print each misrecognized item (file, what was said, what was heard) on stderr.'
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream eval" quiet' -l 'quiet' -d 'No progress on stderr.'
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream eval" log-level' -l 'log-level' -d 'Diagnostics on stderr from this level up.' -rfka 'trace debug info notice warning error critical'
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream eval" version' -l 'version' -d 'Show the version.'
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream eval" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'stt-stream' -n '__stt-stream_should_offer_completions_for_flags_or_options "stt-stream help" version' -l 'version' -d 'Show the version.'
