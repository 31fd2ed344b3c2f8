#!/bin/sh
# Regenerates english.txt from SCOWL as packaged by Debian (wbritish + wamerican).
# Lowercase, possessives dropped, deduplicated, sorted. Words of 1-2 letters come only
# from short.txt; 3-letter entries are kept only when SCOWL lists them in lowercase
# (drops names and abbreviations such as "lin", "nam", "apr").
set -eu
dicts="/usr/share/dict/british-english /usr/share/dict/american-english"
{
    cat $dicts | grep -v "'s$" | LC_ALL=C grep -E '^[a-z]{3}$'
    cat $dicts | grep -v "'s$" | tr 'A-Z' 'a-z' | LC_ALL=C grep -E "^[a-z][a-z'-]{3,}$"
} | LC_ALL=C sort -u > "$(dirname "$0")/english.txt"
