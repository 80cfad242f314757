#!/bin/sh
exec /usr/local/bin/install2.r "$@"
