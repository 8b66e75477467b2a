#!/bin/sh
# Regenerates every fixture of this folder with the local crushtool (see COMMANDS.txt).
set -e
cd "$(dirname "$0")"
sh COMMANDS.txt
