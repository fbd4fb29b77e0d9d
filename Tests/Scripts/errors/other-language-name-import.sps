# `import` is not a statement in sps: another script's defs come in with `load`.
import numpy  # expect error col 1: unknown name 'import'; run another script with 'load "file.sps"'
