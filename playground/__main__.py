import sys

try:
    from playground.cli import main
except KeyboardInterrupt:  # Ctrl-C in the first instants, while the command line itself loads
    sys.stderr.write("\nplayground: interrupted\n")
    raise SystemExit(130) from None

raise SystemExit(main())
