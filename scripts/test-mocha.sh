#!/bin/sh
# `npm run test:mocha [-- file… | mocha options]`: the files named, or the whole suite when none is.
# Mocha merges a config file's `spec` with the files on the command line (mochajs/mocha#5412), so the
# default suite cannot live in .mocharc.json without making "run one file" run everything.
named=0
for arg in "$@"; do
  case "$arg" in
    -*) ;;
    *) if [ -e "$arg" ]; then named=1; fi ;;
  esac
done
if [ "$named" -eq 0 ]; then set -- "$@" 'test/**/*.test.ts'; fi
exec mocha "$@"
