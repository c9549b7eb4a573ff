function __tts-cache_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __tts-cache_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __tts-cache_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __tts-cache_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __tts-cache_parse_tokens -S
    set -l unparsed_tokens (__tts-cache_tokens -pc)
    switch $unparsed_tokens[1]
    case 'tts-cache'
        __tts-cache_parse_subcommand 0 'engine=' 'voice=' 'rate=' 'pitch=' 'speed=' 'codec=' 'sample-rate=' 'frame-ms=' 'max-chars=' 'normalize' 'no-normalize' 'lexicon=' 'cache=' 'cache-dir=' 'cache-max-mb=' 'redis-url=' 'redis-ttl-s=' 'endpoint=+' 'model=+' 'azure-region=' 'stall-ms=' 'breaker-failures=' 'breaker-open-s=' 'normalize-only' 'text' 'log-level=' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'warm'
            __tts-cache_parse_subcommand 0 'phrases=' 'script=' 'engine=' 'voice=' 'rate=' 'pitch=' 'speed=' 'codec=' 'sample-rate=' 'frame-ms=' 'max-chars=' 'normalize' 'no-normalize' 'lexicon=' 'cache=' 'cache-dir=' 'cache-max-mb=' 'redis-url=' 'redis-ttl-s=' 'endpoint=+' 'model=+' 'azure-region=' 'stall-ms=' 'breaker-failures=' 'breaker-open-s=' 'log-level=' 'version' 'h/help'
        case 'stats'
            __tts-cache_parse_subcommand 0 'cache=' 'cache-dir=' 'cache-max-mb=' 'redis-url=' 'redis-ttl-s=' 'json' 'log-level=' 'version' 'h/help'
        case 'help'
            __tts-cache_parse_subcommand -r 1 'version'
        end
    end
end

function __tts-cache_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __tts-cache_parse_subcommand -S -a positional_count
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

function __tts-cache_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __tts-cache_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__tts-cache_tokens -p)
    if test -z "$(__tts-cache_tokens -t)"
        set -l index (count (__tts-cache_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'tts-cache' -f
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" engine' -l 'engine' -d 'Engines tried in order per sentence: espeak, openai, deepgram, elevenlabs, azure, cartesia; NAME:VOICE picks a voice.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" voice' -l 'voice' -d 'espeak-ng\'s voice (`espeak-ng --voices` lists them; en-us, en-gb, hi, en-us+f3…).' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" rate' -l 'rate' -d 'espeak-ng\'s pace, in words per minute (80–450).' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" pitch' -l 'pitch' -d 'espeak-ng\'s base pitch, 0–100.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" speed' -l 'speed' -d 'Speaking speed asked of HTTP engines that have one (1 is normal).' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" codec' -l 'codec' -d 'Audio codec sent: mulaw (Twilio\'s) or pcm16.' -rfka 'pcm16 mulaw'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" sample-rate' -l 'sample-rate' -d 'Sample rate of the audio sent, in Hz.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" frame-ms' -l 'frame-ms' -d 'Length of the audio frames sent.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" max-chars' -l 'max-chars' -d 'Refuse (with an error event) a sentence longer than this.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" normalize' -l 'normalize' -d 'Make text fit to speak first: Markdown, emoji and symbols out; numbers, money, times, dates, phone numbers and addresses in words.'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" no-normalize' -l 'no-normalize' -d 'Make text fit to speak first: Markdown, emoji and symbols out; numbers, money, times, dates, phone numbers and addresses in words.'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" lexicon' -l 'lexicon' -d 'Pronunciations for names and brands: word<TAB>replacement per line (see tts-cache(1)).' -rF
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" cache' -l 'cache' -d 'The cache: dir (a directory), redis (shared by many machines) or off.' -rfka 'dir redis off'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" cache-dir' -l 'cache-dir' -d 'The cache directory (default: $XDG_CACHE_HOME/switchboard/tts).' -rfa '(__tts-cache_complete_directories)'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" cache-max-mb' -l 'cache-max-mb' -d 'Size cap of the cache directory; the least recently used clips go first.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" redis-url' -l 'redis-url' -d 'The Redis server of --cache redis.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" redis-ttl-s' -l 'redis-ttl-s' -d 'How long a clip stays in Redis.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache"' -l 'endpoint' -d 'Base URL of HTTP engines: URL for all of them (a local server, the mock), or NAME=URL for one. Repeatable.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache"' -l 'model' -d 'Model of an HTTP engine, as NAME=MODEL (e.g. elevenlabs=eleven_flash_v2). Repeatable.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" azure-region' -l 'azure-region' -d 'Azure Speech region (default: $AZURE_SPEECH_REGION, else eastus).' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" stall-ms' -l 'stall-ms' -d 'Give up on a provider that sends nothing for this long.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" breaker-failures' -l 'breaker-failures' -d 'Failures in a row that open an engine\'s circuit breaker.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" breaker-open-s' -l 'breaker-open-s' -d 'How long an open breaker keeps an engine out before one probe.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" normalize-only' -l 'normalize-only' -d 'Print what would be said, a line per sentence or line of text, and synthesize nothing.'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" text' -l 'text' -d 'Write frames as text, payloads inline in base64 (the default when stdout is a terminal).'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" log-level' -l 'log-level' -d 'Diagnostics on stderr from this level up.' -rfka 'trace debug info notice warning error critical'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" version' -l 'version' -d 'Show the version.'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_positional "tts-cache" -eq 1' -fa 'warm' -d 'Fill the cache ahead of calls with fixed phrases or a script\'s fixed replies.'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_positional "tts-cache" -eq 1' -fa 'stats' -d 'Print the cache\'s entries, bytes and hit ratio.'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_positional "tts-cache" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" phrases' -l 'phrases' -d 'A file of phrases, one a line.' -rF
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" script' -l 'script' -d 'An llm-stream dialogue script: its fixed replies.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" engine' -l 'engine' -d 'Engines tried in order per sentence: espeak, openai, deepgram, elevenlabs, azure, cartesia; NAME:VOICE picks a voice.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" voice' -l 'voice' -d 'espeak-ng\'s voice (`espeak-ng --voices` lists them; en-us, en-gb, hi, en-us+f3…).' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" rate' -l 'rate' -d 'espeak-ng\'s pace, in words per minute (80–450).' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" pitch' -l 'pitch' -d 'espeak-ng\'s base pitch, 0–100.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" speed' -l 'speed' -d 'Speaking speed asked of HTTP engines that have one (1 is normal).' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" codec' -l 'codec' -d 'Audio codec sent: mulaw (Twilio\'s) or pcm16.' -rfka 'pcm16 mulaw'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" sample-rate' -l 'sample-rate' -d 'Sample rate of the audio sent, in Hz.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" frame-ms' -l 'frame-ms' -d 'Length of the audio frames sent.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" max-chars' -l 'max-chars' -d 'Refuse (with an error event) a sentence longer than this.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" normalize' -l 'normalize' -d 'Make text fit to speak first: Markdown, emoji and symbols out; numbers, money, times, dates, phone numbers and addresses in words.'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" no-normalize' -l 'no-normalize' -d 'Make text fit to speak first: Markdown, emoji and symbols out; numbers, money, times, dates, phone numbers and addresses in words.'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" lexicon' -l 'lexicon' -d 'Pronunciations for names and brands: word<TAB>replacement per line (see tts-cache(1)).' -rF
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" cache' -l 'cache' -d 'The cache: dir (a directory), redis (shared by many machines) or off.' -rfka 'dir redis off'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" cache-dir' -l 'cache-dir' -d 'The cache directory (default: $XDG_CACHE_HOME/switchboard/tts).' -rfa '(__tts-cache_complete_directories)'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" cache-max-mb' -l 'cache-max-mb' -d 'Size cap of the cache directory; the least recently used clips go first.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" redis-url' -l 'redis-url' -d 'The Redis server of --cache redis.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" redis-ttl-s' -l 'redis-ttl-s' -d 'How long a clip stays in Redis.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm"' -l 'endpoint' -d 'Base URL of HTTP engines: URL for all of them (a local server, the mock), or NAME=URL for one. Repeatable.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm"' -l 'model' -d 'Model of an HTTP engine, as NAME=MODEL (e.g. elevenlabs=eleven_flash_v2). Repeatable.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" azure-region' -l 'azure-region' -d 'Azure Speech region (default: $AZURE_SPEECH_REGION, else eastus).' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" stall-ms' -l 'stall-ms' -d 'Give up on a provider that sends nothing for this long.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" breaker-failures' -l 'breaker-failures' -d 'Failures in a row that open an engine\'s circuit breaker.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" breaker-open-s' -l 'breaker-open-s' -d 'How long an open breaker keeps an engine out before one probe.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" log-level' -l 'log-level' -d 'Diagnostics on stderr from this level up.' -rfka 'trace debug info notice warning error critical'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" version' -l 'version' -d 'Show the version.'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache warm" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache stats" cache' -l 'cache' -d 'The cache: dir (a directory), redis (shared by many machines) or off.' -rfka 'dir redis off'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache stats" cache-dir' -l 'cache-dir' -d 'The cache directory (default: $XDG_CACHE_HOME/switchboard/tts).' -rfa '(__tts-cache_complete_directories)'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache stats" cache-max-mb' -l 'cache-max-mb' -d 'Size cap of the cache directory; the least recently used clips go first.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache stats" redis-url' -l 'redis-url' -d 'The Redis server of --cache redis.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache stats" redis-ttl-s' -l 'redis-ttl-s' -d 'How long a clip stays in Redis.' -rfka ''
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache stats" json' -l 'json' -d 'Print the numbers as one JSON object.'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache stats" log-level' -l 'log-level' -d 'Diagnostics on stderr from this level up.' -rfka 'trace debug info notice warning error critical'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache stats" version' -l 'version' -d 'Show the version.'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache stats" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tts-cache' -n '__tts-cache_should_offer_completions_for_flags_or_options "tts-cache help" version' -l 'version' -d 'Show the version.'
